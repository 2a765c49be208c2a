/**
 * pgoutput changes as stream records: an insert or update is an `upsert` of the contract's
 * columns, a delete a `delete` of the key columns, an update that changes the key both. Values are
 * PostgreSQL's exact text, as the postgres engine reads them (`engines/postgres`): numeric, bigint,
 * dates and timestamps stay text, booleans are booleans, json is parsed, bytea is `\xNN` per byte,
 * arrays of built-in scalars are JSON arrays as the snapshot's `to_jsonb` reads them.
 * Pure.
 */
import type { Pgoutput } from 'pg-logical-replication';
import { MeshplaneError } from '../../errors/index.js';
import type { StreamRecord } from '../stream/stream-types.js';
import { ARRAY_TYPES, parseArrayText } from './array-text.js';
import type { PostgresCdcPortSpec } from './postgres-cdc-port-spec.js';

const BOOL = 16;
const BYTEA = 17;
const JSON_TYPES = new Set([114, 3802]);

function byteaText(value: string): string {
  const hex = value.startsWith('\\x') ? value.slice(2) : value;
  return hex.replace(/(..)/g, '\\x$1');
}

/** How a column's text is read: never through pg's global parsers (which make Dates of timestamps). */
export function exactParser(typeOid: number): (text: string) => unknown {
  if (typeOid === BOOL) return (text) => text === 't';
  if (typeOid === BYTEA) return byteaText;
  if (JSON_TYPES.has(typeOid)) return (text) => JSON.parse(text);
  const element = ARRAY_TYPES.get(typeOid);
  if (element !== undefined) return (text) => parseArrayText(text, element);
  return (text) => text;
}

/**
 * Replaces the parsers of a relation's columns with exact ones. The decoder keeps the relation and
 * reads every later row of it with these parsers, so this must run when the relation message is
 * decoded, before the rows that follow it are.
 */
export function useExactParsers(relation: Pgoutput.MessageRelation): void {
  for (const column of relation.columns) column.parser = exactParser(column.typeOid);
}

export type RowChange = Pgoutput.MessageInsert | Pgoutput.MessageUpdate | Pgoutput.MessageDelete;

type Tuple = Readonly<Record<string, unknown>>;

function unchangedToast(spec: PostgresCdcPortSpec, column: string): MeshplaneError {
  return new MeshplaneError(
    'PRECONDITION_FAILED',
    `input port ${spec.port}: an update of ${spec.location} did not send the unchanged large value of column ` +
      `${column}; run ALTER TABLE ${spec.schema}.${spec.table} REPLICA IDENTITY FULL so updates carry every value`,
  );
}

function row(spec: PostgresCdcPortSpec, tuple: Tuple): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const { name } of spec.columns) {
    if (!(name in tuple)) continue;
    const v = tuple[name];
    // An unchanged TOASTed value arrives as nothing when the replica identity does not carry it.
    if (v === undefined) throw unchangedToast(spec, name);
    value[name] = v;
  }
  return value;
}

function keyOf(spec: PostgresCdcPortSpec, tuple: Tuple): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const name of spec.key) value[name] = tuple[name] ?? null;
  return value;
}

function sameKey(spec: PostgresCdcPortSpec, a: Tuple, b: Tuple): boolean {
  return spec.key.every((name) => JSON.stringify(a[name] ?? null) === JSON.stringify(b[name] ?? null));
}

/**
 * The records of one change of the port's table. `source` names the change for quarantine rows
 * (`postgres:<commit lsn>#<n>`).
 */
export function changeRecords(spec: PostgresCdcPortSpec, change: RowChange, source: string): StreamRecord[] {
  if (change.tag === 'insert') return [{ op: 'upsert', value: row(spec, change.new), source }];
  if (change.tag === 'delete') {
    const old = change.key ?? change.old;
    if (old === null) {
      throw new MeshplaneError(
        'PRECONDITION_FAILED',
        `input port ${spec.port}: a delete from ${spec.location} carried no key; give the table a primary key or REPLICA IDENTITY FULL`,
      );
    }
    return [{ op: 'delete', value: keyOf(spec, old), source }];
  }
  const upsert: StreamRecord = { op: 'upsert', value: row(spec, change.new), source };
  // The old key is sent only when the key changed (or with REPLICA IDENTITY FULL).
  const old = change.key ?? change.old;
  if (old === null || sameKey(spec, old, change.new)) return [upsert];
  return [{ op: 'delete', value: keyOf(spec, old), source }, upsert];
}
