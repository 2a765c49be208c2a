import { describe, expect, it } from 'vitest';
import type { StreamPortSpec } from './stream-port-spec.js';
import { checkBatchBounds, repeatedKeys, stageRecords } from './stream-records.js';

const spec: StreamPortSpec = {
  port: 'p',
  columns: [
    { name: 'id', sqlType: 'VARCHAR', kind: 'text', required: true },
    { name: 'tags', sqlType: 'JSON', kind: 'composite', required: false },
  ],
  primaryKey: [],
  maxRecords: 3,
  maxBytes: 10_000,
  dedupWindowMs: undefined,
};

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('stageRecords', () => {
  it("projects each record to the contract's columns and adds only the bookkeeping off its default", () => {
    const { text, count, first } = stageRecords(
      [
        { value: { id: 'a', tags: ['x'], extra: 1 }, key: 'k', group: 2, source: 's', position: 7 },
        { value: [1], key: 'k' },
        { value: { id: 'b' }, op: 'upsert' },
        { value: { id: 'c' } },
      ],
      spec,
    );
    const [a, notObject, upsert, plain] = lines(text);
    expect(a).toEqual({
      id: 'a',
      tags: ['x'],
      __meshplane_idx: 0,
      __meshplane_key: 'k',
      __meshplane_group: 2,
      __meshplane_source: 's',
      __meshplane_position: 7,
    });
    expect(notObject).toEqual({
      __meshplane_idx: 1,
      __meshplane_key: 'k',
      __meshplane_problem: 'the record is not a JSON object',
      __meshplane_raw: [1],
    });
    expect(upsert).toMatchObject({
      __meshplane_op: 'upsert',
      __meshplane_problem: 'an upsert needs a primary key in the input contract',
    });
    expect(plain).toEqual({ id: 'c', __meshplane_idx: 3 });
    expect([count, first]).toEqual([4, 0]);
  });

  it('numbers a chunk from its first index and keeps each record its own position', () => {
    const { text, first } = stageRecords(
      [{ value: { id: 'a' } }, { value: { id: 'b' }, position: 2 }],
      spec,
      10,
    );
    expect(first).toBe(10);
    expect(lines(text)).toEqual([
      { __meshplane_idx: 10, __meshplane_position: 1, id: 'a' },
      { __meshplane_idx: 11, __meshplane_position: 2, id: 'b' },
    ]);
    expect(stageRecords([], spec)).toEqual({ first: 0, text: '', keys: [], count: 0 });
  });

  it('finds the records whose key an earlier record of the batch has, across chunks', () => {
    const a = stageRecords([{ value: {}, key: 'x' }, { value: {} }, { value: {}, key: 'x' }], spec, 0);
    const b = stageRecords([{ value: {}, key: 'y' }, { value: {}, key: 'x' }, { value: {} }], spec, 5);
    expect(repeatedKeys([a, b])).toEqual([2, 6]);
  });

  it('refuses a batch over its record or byte bound', () => {
    const chunk = (text: string, count = 1) => ({ first: 0, text, keys: [], count });
    expect(() => checkBatchBounds([chunk('', 2), chunk('', 2)], spec)).toThrow(
      /4 records is over the limit of 3/,
    );
    // Counted in UTF-8 bytes: 4,000 'é' are 8,000 bytes (fits), 5,001 are 10,002 (does not).
    expect(() => checkBatchBounds([chunk('é'.repeat(4_000))], spec)).not.toThrow();
    expect(() => checkBatchBounds([chunk('é'.repeat(5_000)), chunk('é')], spec)).toThrow(
      /10002 bytes is over the limit of 10000/,
    );
    expect(() => checkBatchBounds([chunk('x'.repeat(10_000), 3)], spec)).not.toThrow();
  });
});
