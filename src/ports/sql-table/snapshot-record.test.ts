import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../engines/column-spec.js';
import { snapshotRecord } from './snapshot-record.js';

const columns: ColumnSpec[] = [
  { name: 'id', sqlType: 'BIGINT', kind: 'integer', required: true },
  { name: 'ok', sqlType: 'BOOLEAN', kind: 'boolean', required: false },
  { name: 'doc', sqlType: 'JSON', kind: 'composite', required: false },
  { name: 'tags', sqlType: 'VARCHAR[]', kind: 'composite', required: false },
  { name: 'note', sqlType: 'VARCHAR', kind: 'text', required: false },
];

describe('snapshotRecord', () => {
  it('keeps the contract columns only, scalars as read, a missing value as null', () => {
    expect(snapshotRecord({ id: '9007199254740993', ok: true, extra: 'x', note: 'a "q"\n' }, columns)).toBe(
      '{"id":"9007199254740993","ok":true,"doc":null,"tags":null,"note":"a \\"q\\"\\n"}',
    );
  });

  it('parses JSON text of composite columns, keeps text that is not JSON, and writes JSON in scalar columns as text', () => {
    expect(snapshotRecord({ id: '1', doc: '{"a": [1]}', tags: ['x'], note: { k: 1 } }, columns)).toBe(
      '{"id":"1","ok":null,"doc":{"a":[1]},"tags":["x"],"note":"{\\"k\\":1}"}',
    );
    expect(snapshotRecord({ id: '1', doc: 'not json' }, columns)).toBe(
      '{"id":"1","ok":null,"doc":"not json","tags":null,"note":null}',
    );
  });
});
