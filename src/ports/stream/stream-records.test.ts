import { describe, expect, it } from 'vitest';
import type { StreamPortSpec } from './stream-port-spec.js';
import { stageText } from './stream-records.js';

const spec: StreamPortSpec = {
  port: 'p',
  columns: [
    { name: 'id', sqlType: 'VARCHAR', kind: 'text', required: true },
    { name: 'tags', sqlType: 'JSON', kind: 'composite', required: false },
  ],
  primaryKey: [],
  maxRecords: 3,
  maxBytes: 10_000,
};

describe('stageText', () => {
  it("projects each record to the contract's columns and adds its bookkeeping", () => {
    const { text, bytes } = stageText(
      {
        records: [
          { value: { id: 'a', tags: ['x'], extra: 1 }, key: 'k', group: 2, source: 's', position: 7 },
          { value: [1], key: 'k' },
          { value: { id: 'b' }, op: 'upsert' },
        ],
      },
      spec,
      'stream:p',
    );
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      id: 'a',
      tags: ['x'],
      __meshplane_idx: 0,
      __meshplane_key: 'k',
      __meshplane_op: 'insert',
      __meshplane_group: 2,
      __meshplane_source: 's',
      __meshplane_position: 7,
    });
    expect(lines[1]).toMatchObject({
      __meshplane_repeat: true,
      __meshplane_problem: 'the record is not a JSON object',
      __meshplane_raw: [1],
      __meshplane_source: 'stream:p',
      __meshplane_position: 2,
    });
    expect(lines[1]).not.toHaveProperty('id');
    expect(lines[2]).toMatchObject({
      __meshplane_problem: 'an upsert needs a primary key in the input contract',
    });
    expect(bytes).toBe(Buffer.byteLength(text));
  });

  it('refuses a batch over its record or byte bound', () => {
    const records = [1, 2, 3, 4].map((i) => ({ value: { id: String(i) } }));
    expect(() => stageText({ records }, spec, 's')).toThrow(/4 records is over the limit of 3/);
    expect(() => stageText({ records: records.slice(0, 1) }, { ...spec, maxBytes: 20 }, 's')).toThrow(
      /bytes is over the limit of 20/,
    );
    expect(stageText({ records: [] }, spec, 's')).toEqual({ text: '', bytes: 0 });
  });
});
