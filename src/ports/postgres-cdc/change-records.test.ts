import type { Pgoutput } from 'pg-logical-replication';
import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import { changeRecords, exactParser, type RowChange, useExactParsers } from './change-records.js';
import type { PostgresCdcPortSpec } from './postgres-cdc-port-spec.js';

const spec = {
  port: 'items',
  schema: 'public',
  table: 'items',
  location: 'postgres://h:5432/d/public.items',
  key: ['id'],
  columns: [
    { name: 'id', sqlType: 'BIGINT', kind: 'integer', required: true },
    { name: 'note', sqlType: 'VARCHAR', kind: 'text', required: false },
  ],
} as unknown as PostgresCdcPortSpec;

const relation = { tag: 'relation', schema: 'public', name: 'items' } as Pgoutput.MessageRelation;
const change = (c: object) => ({ relation, ...c }) as RowChange;

describe('exactParser', () => {
  it('keeps text exact and reads booleans, json and bytea as the postgres engine does', () => {
    expect(exactParser(1700)('12345678901234567890.123456789')).toBe('12345678901234567890.123456789');
    expect(exactParser(20)('9007199254740993')).toBe('9007199254740993');
    expect(exactParser(1184)('2025-01-02 10:00:00.123456+00')).toBe('2025-01-02 10:00:00.123456+00');
    expect(exactParser(16)('t')).toBe(true);
    expect(exactParser(16)('f')).toBe(false);
    expect(exactParser(3802)('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(exactParser(17)('\\x6869')).toBe('\\x68\\x69');
  });

  it('replaces every parser of a relation', () => {
    const r = {
      columns: [{ typeOid: 1114, parser: () => new Date() }],
    } as unknown as Pgoutput.MessageRelation;
    useExactParsers(r);
    expect(r.columns[0]?.parser('2025-01-02 10:00:00')).toBe('2025-01-02 10:00:00');
  });
});

describe('changeRecords', () => {
  it('makes inserts and updates upserts of the contract columns only', () => {
    expect(
      changeRecords(spec, change({ tag: 'insert', new: { id: '1', note: 'a', extra: 'x' } }), 's'),
    ).toEqual([{ op: 'upsert', value: { id: '1', note: 'a' }, source: 's' }]);
    expect(
      changeRecords(spec, change({ tag: 'update', key: null, old: null, new: { id: '1', note: null } }), 's'),
    ).toEqual([{ op: 'upsert', value: { id: '1', note: null }, source: 's' }]);
  });

  it('makes a delete carry the key, and a key change a delete and an upsert', () => {
    expect(changeRecords(spec, change({ tag: 'delete', key: { id: '7' }, old: null }), 's')).toEqual([
      { op: 'delete', value: { id: '7' }, source: 's' },
    ]);
    expect(
      changeRecords(
        spec,
        change({ tag: 'update', key: { id: '1' }, old: null, new: { id: '2', note: 'b' } }),
        's',
      ),
    ).toEqual([
      { op: 'delete', value: { id: '1' }, source: 's' },
      { op: 'upsert', value: { id: '2', note: 'b' }, source: 's' },
    ]);
    // REPLICA IDENTITY FULL sends the old row on every update; the same key is no delete.
    expect(
      changeRecords(
        spec,
        change({ tag: 'update', key: null, old: { id: '2', note: 'a' }, new: { id: '2', note: 'b' } }),
        's',
      ),
    ).toHaveLength(1);
  });

  it('refuses an update without an unchanged large value and a delete without a key', () => {
    const toast = change({ tag: 'update', key: null, old: null, new: { id: '1', note: undefined } });
    expect(() => changeRecords(spec, toast, 's')).toThrow(/REPLICA IDENTITY FULL/);
    const keyless = change({ tag: 'delete', key: null, old: null });
    expect(() => changeRecords(spec, keyless, 's')).toThrow(MeshplaneError);
  });
});
