/**
 * The SQL that stores one batch of a streamed input port: staged once with the contract's casts
 * and reject reasons (the same `castSql` / `rejectReasonSql` the files port stages with) and the
 * duplicate flag (a key stored before, or seen earlier in the batch); then accepted rows into
 * `input.<port>` (appended, or merged by the primary key), rejected ones into quarantine, the
 * keys into `_meshplane.stream_keys`. Pure, so the statements are asserted before they run.
 */
import type { ColumnSpec } from '../../engines/column-spec.js';
import {
  castSql,
  qualifiedName,
  quoteIdentifier,
  quoteLiteral,
  readFileSql,
  rejectReasonSql,
} from '../../engines/duckdb/index.js';
import {
  FILE_ID_COLUMN,
  INPUT_SCHEMA,
  QUARANTINE_TABLE,
  SYSTEM_SCHEMA,
} from '../../runtime/storage-layout.js';
import type { StreamPortSpec } from './stream-port-spec.js';
import { META_FIELDS } from './stream-records.js';
import { STREAM_KEYS_TABLE, streamTable } from './stream-tables.js';

export const STREAM_STAGE_TABLE = '__meshplane_stream_stage';
const STAGE = quoteIdentifier(STREAM_STAGE_TABLE);
const PRE = quoteIdentifier('__meshplane_stream_pre');
const FOUND = quoteIdentifier('__meshplane_stream_found');
const REASON = quoteIdentifier('__meshplane_reason');
const RECORD = quoteIdentifier('__meshplane_record');
const DUP = quoteIdentifier('__meshplane_dup');
const typed = (index: number) => quoteIdentifier(`__meshplane_t${index}`);
const meta = (field: keyof typeof META_FIELDS) => quoteIdentifier(META_FIELDS[field][0]);

/** The product alias and the port's spec: where a batch goes and what it must look like. */
export interface StreamTarget {
  readonly alias: string;
  readonly spec: StreamPortSpec;
  /** `source` of quarantine rows for records that do not name theirs. */
  readonly defaultSource: string;
}

/** The reader of a staged batch file: the contract's columns and the bookkeeping fields. */
export function streamReaderSql(path: string, columns: readonly ColumnSpec[]): string {
  const fields: ColumnSpec[] = Object.values(META_FIELDS).map(([name, sqlType]) => ({
    name,
    sqlType,
    kind: sqlType === 'JSON' ? 'composite' : 'text',
    required: false,
  }));
  return readFileSql(path, { format: 'json', newlineDelimited: true }, [...columns, ...fields]);
}

/**
 * Reads the batch ONCE into the session's stage table, in three statements: each column cast to
 * its type, the bookkeeping's defaults filled in, the reason (the record's own problem, else the
 * contract's checks; a delete is checked on its key columns only) and the record as read for
 * rejected rows; then the batch's keys the port stored before (a semi-join); then the stage, a
 * view adding the duplicate flag: a stored key, or one of `repeated`, the indexes of records
 * whose key an earlier record of the batch has (`repeatedKeys`).
 */
export function stageStreamSql(
  target: StreamTarget,
  reader: string,
  repeated: readonly number[] = [],
): string[] {
  const { spec } = target;
  const r = quoteIdentifier('r');
  const source = (c: ColumnSpec) => `${r}.${quoteIdentifier(c.name)}`;
  const index = new Map(spec.columns.map((c, i) => [c, i]));
  const typedOf = (c: ColumnSpec) => `${r}.${typed(index.get(c) ?? -1)}`;
  const casts = spec.columns.map((c, i) => `${castSql(c, source(c))} AS ${typed(i)}`);
  const keyColumns = spec.columns.filter((c) => spec.primaryKey.includes(c.name));
  const full = rejectReasonSql(spec.columns, source, typedOf);
  const keyOnly = rejectReasonSql(keyColumns, source, typedOf);
  const record = spec.columns.map((c) => `${quoteIdentifier(c.name)} := ${source(c)}`);
  const asRead = record.length === 0 ? "'{}'::JSON" : `to_json(struct_pack(${record.join(', ')}))`;
  // The reader gives every bookkeeping field as text, and leaves out those at their default.
  const idx = `CAST(${r}.${meta('idx')} AS BIGINT)`;
  const defaults = [
    `${idx} AS ${meta('idx')}`,
    `coalesce(${r}.${meta('op')}, 'insert') AS ${meta('op')}`,
    `coalesce(CAST(${r}.${meta('group')} AS BIGINT), -1) AS ${meta('group')}`,
    `coalesce(${r}.${meta('source')}, ${quoteLiteral(target.defaultSource)}) AS ${meta('source')}`,
    `coalesce(CAST(${r}.${meta('position')} AS BIGINT), ${idx} + 1) AS ${meta('position')}`,
  ];
  const kept = [
    ...spec.columns.map((_, i) => `${r}.${typed(i)}`),
    ...(['idx', 'key', 'op', 'group', 'source', 'position'] as const).map((f) => `${r}.${meta(f)}`),
  ];
  const keys = streamTable(target.alias, STREAM_KEYS_TABLE);
  const key = meta('key');
  const k = quoteIdentifier('k');
  const repeat = repeated.length === 0 ? '' : ` OR ${r}.${meta('idx')} IN (${repeated.join(', ')})`;
  return [
    `CREATE OR REPLACE TEMP TABLE ${PRE} AS
SELECT ${kept.join(', ')}, ${r}.${REASON},
  CASE WHEN ${r}.${REASON} IS NOT NULL THEN coalesce(${r}.${meta('raw')}, ${asRead}) END AS ${RECORD}
FROM (
  SELECT ${r}.*, CASE WHEN ${r}.${meta('problem')} IS NOT NULL THEN ${r}.${meta('problem')} WHEN ${r}.${meta('op')} = 'delete' THEN ${keyOnly} ELSE ${full} END AS ${REASON}
  FROM (SELECT * REPLACE (${defaults.join(', ')})${casts.map((c) => `, ${c}`).join('')} FROM ${reader} AS ${r}) AS ${r}
) AS ${r}`,
    `CREATE OR REPLACE TEMP TABLE ${FOUND} AS
SELECT key FROM ${keys} WHERE port = ${quoteLiteral(spec.port)} AND key IN (SELECT ${key} FROM ${PRE} WHERE ${key} IS NOT NULL)`,
    // A view: the found keys are few, so each statement's join is cheap, and no copy is made.
    `CREATE OR REPLACE TEMP VIEW ${STAGE} AS
SELECT ${r}.*, (${k}.key IS NOT NULL${repeat}) AS ${DUP}
FROM ${PRE} AS ${r} LEFT JOIN ${FOUND} AS ${k} ON ${k}.key = ${r}.${key}`,
  ];
}

/** Per group: duplicates, accepted (of which merged: upserts and deletes) and quarantined records. */
export function stageCountsSql(): string {
  const ok = `NOT ${DUP} AND ${REASON} IS NULL`;
  return `SELECT CAST(${meta('group')} AS DOUBLE) AS grp,
  CAST(count(*) FILTER (WHERE ${DUP}) AS DOUBLE) AS duplicates,
  CAST(count(*) FILTER (WHERE ${ok}) AS DOUBLE) AS accepted,
  CAST(count(*) FILTER (WHERE ${ok} AND ${meta('op')} <> 'insert') AS DOUBLE) AS merged,
  CAST(count(*) FILTER (WHERE NOT ${DUP} AND ${REASON} IS NOT NULL) AS DOUBLE) AS quarantined
FROM ${STAGE} GROUP BY ALL`;
}

function inputTable(target: StreamTarget): string {
  return qualifiedName(target.alias, INPUT_SCHEMA, target.spec.port);
}

function insertColumns(target: StreamTarget): string {
  return [...target.spec.columns.map((c) => c.name), FILE_ID_COLUMN].map(quoteIdentifier).join(', ');
}

/** Accepted `insert` records, appended in batch order; `_meshplane_file` holds the batch's sequence. */
export function insertAcceptedSql(target: StreamTarget, seq: number): string {
  const values = [...target.spec.columns.map((_, i) => typed(i)), String(seq)].join(', ');
  return `INSERT INTO ${inputTable(target)} (${insertColumns(target)})
SELECT ${values} FROM ${STAGE}
WHERE NOT ${DUP} AND ${REASON} IS NULL AND ${meta('op')} = 'insert'
ORDER BY ${meta('idx')}`;
}

/**
 * Upserts and deletes merged by the primary key: every stored row with a key the batch upserts
 * or deletes goes, then the LAST upsert of each key (in batch order) goes in; a key whose last
 * operation is a delete stays out. Empty without a primary key.
 */
export function mergeAcceptedSql(target: StreamTarget, seq: number): string[] {
  const { spec } = target;
  if (spec.primaryKey.length === 0) return [];
  const keyed = spec.columns.map((c, i) => ({ c, i })).filter(({ c }) => spec.primaryKey.includes(c.name));
  const merged = `NOT ${DUP} AND ${REASON} IS NULL AND ${meta('op')} IN ('upsert', 'delete')`;
  const s = quoteIdentifier('s');
  const match = keyed.map(
    ({ c, i }) => `${inputTable(target)}.${quoteIdentifier(c.name)} = ${s}.${typed(i)}`,
  );
  const values = [...spec.columns.map((_, i) => typed(i)), String(seq)].join(', ');
  return [
    `DELETE FROM ${inputTable(target)} USING (SELECT DISTINCT ${keyed.map(({ i }) => typed(i)).join(', ')} FROM ${STAGE} WHERE ${merged}) AS ${s}
WHERE ${match.join(' AND ')}`,
    `INSERT INTO ${inputTable(target)} (${insertColumns(target)})
SELECT ${values} FROM (
  SELECT * FROM ${STAGE} WHERE ${merged}
  QUALIFY row_number() OVER (PARTITION BY ${keyed.map(({ i }) => typed(i)).join(', ')} ORDER BY ${meta('idx')} DESC) = 1
) WHERE ${meta('op')} = 'upsert'
ORDER BY ${meta('idx')}`,
  ];
}

/** Rejected records that are not duplicates: the record as read, its source and position, every reason. */
export function insertQuarantinedSql(target: StreamTarget, atUs: number): string {
  const quarantine = qualifiedName(target.alias, SYSTEM_SCHEMA, QUARANTINE_TABLE);
  return `INSERT INTO ${quarantine} (id, port, source, position, reason, record, quarantined_at, file_id)
SELECT (SELECT coalesce(max(id), 0) FROM ${quarantine}) + row_number() OVER (ORDER BY ${meta('idx')}),
  ${quoteLiteral(target.spec.port)}, ${meta('source')}, ${meta('position')}, ${REASON}, ${RECORD},
  make_timestamp(${Math.trunc(atUs)}), NULL
FROM ${STAGE}
WHERE NOT ${DUP} AND ${REASON} IS NOT NULL`;
}

/**
 * The keys of every record stored this batch, accepted or quarantined, dated `atUs`: a redelivery
 * of either within the port's dedup window is a duplicate.
 */
export function insertKeysSql(target: StreamTarget, atUs: number): string {
  return `INSERT INTO ${streamTable(target.alias, STREAM_KEYS_TABLE)} (port, key, stored_at)
SELECT ${quoteLiteral(target.spec.port)}, ${meta('key')}, make_timestamp(${Math.trunc(atUs)}) FROM ${STAGE}
WHERE ${meta('key')} IS NOT NULL AND NOT ${DUP}`;
}

/** Drops the session's stage view and tables. */
export function dropStageSql(): string[] {
  return [
    `DROP VIEW IF EXISTS temp.main.${STAGE}`,
    ...[PRE, FOUND].map((t) => `DROP TABLE IF EXISTS temp.main.${t}`),
  ];
}
