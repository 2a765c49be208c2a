import { describe, expect, it } from 'vitest';
import type { StoredInputPort } from '../../runtime/runtime-product.js';
import { jsonDepthExceeds } from './bounded-json.js';
import { httpPullConfig } from './http-pull-config.js';
import { pageRecords, recordKey } from './page-records.js';
import { decodeCheckpoint, encodeCheckpoint } from './pull-checkpoint.js';

function config(settings: Record<string, unknown>, primaryKey = true) {
  return httpPullConfig({
    kind: 'http-pull',
    name: 'orders',
    columns: [],
    schema: { name: 'orders', properties: [{ name: 'id', physicalName: 'id', primaryKey }] },
    settings: { kind: 'http-pull', every: '5m', ...settings },
    server: {
      server: 'api',
      type: 'api',
      settings: { location: 'https://api.example.com/' },
      customProperties: [],
      path: [],
    },
  } as unknown as StoredInputPort);
}

describe('recordKey', () => {
  it('is the id value, or the JSON list of several', () => {
    expect(recordKey({ id: 7 }, ['id'])).toBe('7');
    expect(recordKey({ r: 'eu', id: 7 }, ['r', 'id'])).toBe('["eu",7]');
  });
  it('is undefined without a usable value', () => {
    expect(recordKey({ id: null }, ['id'])).toBeUndefined();
    expect(recordKey({ id: { x: 1 } }, ['id'])).toBeUndefined();
    expect(recordKey('text', ['id'])).toBeUndefined();
    expect(recordKey({ id: 1 }, [])).toBeUndefined();
  });
});

describe('pageRecords', () => {
  const items = [{ id: 'a', seq: 1 }, { id: 'b', seq: 3 }, { id: 'c' }, { id: 'd', seq: 2 }, 'junk'];

  it('keeps every item on the first pull, each with its key, page and place', () => {
    const found = pageRecords(config({ watermark: { field: 'seq' } }), items, undefined, undefined, 'p#1');
    expect(found.records.map((r) => [r.key, r.source, r.position])).toEqual([
      ['a', 'p#1', 1],
      ['b', 'p#1', 2],
      ['c', 'p#1', 3],
      ['d', 'p#1', 4],
      [undefined, 'p#1', 5],
    ]);
    expect(found).toMatchObject({ skipped: 0, high: 3 });
  });

  it('keeps items at or past the watermark when keyed, past it only when not', () => {
    const keyed = pageRecords(config({ watermark: { field: 'seq' } }), items, 2, 2, 'p');
    expect(keyed.records.map((r) => r.key)).toEqual(['b', 'd']);
    expect(keyed).toMatchObject({ skipped: 3, high: 3 });
    const unkeyed = pageRecords(config({ watermark: { field: 'seq' } }, false), items, 2, 2, 'p');
    expect(unkeyed.records.map((r) => (r.value as { id: string }).id)).toEqual(['b']);
  });

  it('keeps the higher watermark carried from earlier pages', () => {
    expect(pageRecords(config({ watermark: { field: 'seq' } }), items, undefined, 9, 'p').high).toBe(9);
  });
});

describe('checkpoints', () => {
  it('round-trip and refuse text this port did not write', () => {
    const c = { watermark: '2024-05-01T10:00:00Z', high: '2024-05-02T00:00:00Z', next: { cursor: 'x' } };
    expect(decodeCheckpoint(encodeCheckpoint(c), 'orders')).toEqual(c);
    expect(decodeCheckpoint(undefined, 'orders')).toEqual({});
    expect(decodeCheckpoint('{"next":{"offset":-1}}', 'orders')).toEqual({});
    expect(() => decodeCheckpoint('42', 'orders')).toThrow(/stored checkpoint "42" is not an http-pull one/);
  });
});

describe('jsonDepthExceeds', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepthExceeds('[[[1]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[1]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('[{"a":[1]}]', 2)).toBe(true);
    expect(jsonDepthExceeds('["[[[[[", "\\"[[[["]', 1)).toBe(false);
    expect(jsonDepthExceeds('[1],[2],[3]', 1)).toBe(false);
  });
});
