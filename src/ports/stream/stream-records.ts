/**
 * Records as the NDJSON text DuckDB stages: each record projected to the contract's columns (as a
 * files port reads an NDJSON file: scalars as written, objects and arrays as JSON) plus the
 * record's bookkeeping in `__meshplane_*` fields. A field at its default is left out (the staging
 * SQL fills it in), so a plain insert costs its data, its index and its key. Pure.
 */
import { MeshplaneError } from '../../errors/index.js';
import type { StreamPortSpec } from './stream-port-spec.js';
import type { StagedRecords, StreamOperation, StreamRecord } from './stream-types.js';

/** The bookkeeping fields of a staged line, with their DuckDB types. */
export const META_FIELDS = {
  /** The record's place in its batch: staged chunks of one batch carry increasing, disjoint ranges. */
  idx: ['__meshplane_idx', 'BIGINT'],
  key: ['__meshplane_key', 'VARCHAR'],
  /** Absent: insert. */
  op: ['__meshplane_op', 'VARCHAR'],
  /** Absent: -1. */
  group: ['__meshplane_group', 'BIGINT'],
  /** Absent: the port's default source. */
  source: ['__meshplane_source', 'VARCHAR'],
  /** Absent: idx + 1. */
  position: ['__meshplane_position', 'BIGINT'],
  problem: ['__meshplane_problem', 'VARCHAR'],
  raw: ['__meshplane_raw', 'JSON'],
} as const;

const OPERATIONS: ReadonlySet<string> = new Set<StreamOperation>(['insert', 'upsert', 'delete']);

const IDX = `{"${META_FIELDS.idx[0]}":`;
const KEY = `,"${META_FIELDS.key[0]}":`;
const OP = `,"${META_FIELDS.op[0]}":`;
const GROUP = `,"${META_FIELDS.group[0]}":`;
const SOURCE = `,"${META_FIELDS.source[0]}":`;
const POSITION = `,"${META_FIELDS.position[0]}":`;
const PROBLEM = `,"${META_FIELDS.problem[0]}":`;
const RAW = `,"${META_FIELDS.raw[0]}":`;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why the sink cannot take the record as it is, before any contract check; undefined when it can. */
function recordProblem(record: StreamRecord, spec: StreamPortSpec): string | undefined {
  // A source that could not turn a message into a record says why (bad JSON, too deep, ...).
  if (record.reject !== undefined) return record.reject;
  if (!isObject(record.value)) return 'the record is not a JSON object';
  const op = record.op ?? 'insert';
  if (!OPERATIONS.has(op)) return `unknown operation '${String(op)}'`;
  if (op !== 'insert' && spec.primaryKey.length === 0)
    return `an ${op} needs a primary key in the input contract`;
  return undefined;
}

/** The index of every record whose key an earlier record of the batch has (its chunks, in order). */
export function repeatedKeys(chunks: readonly StagedRecords[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  for (const chunk of chunks) {
    chunk.keys.forEach((key, i) => {
      if (key === undefined) return;
      if (seen.has(key)) repeated.push(chunk.first + i);
      else seen.add(key);
    });
  }
  return repeated;
}

/**
 * INVALID_INPUT when the chunks hold more records or bytes than the port allows for one batch.
 * Bytes are counted only when the text could be over the bound (UTF-8 takes at most 3 bytes per
 * UTF-16 unit), so a batch well within it costs no pass over its text.
 */
export function checkBatchBounds(chunks: readonly StagedRecords[], spec: StreamPortSpec): void {
  const records = chunks.reduce((n, c) => n + c.count, 0);
  if (records > spec.maxRecords) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `input port ${spec.port}: a batch of ${records} records is over the limit of ${spec.maxRecords}`,
      { details: { records, maxRecords: spec.maxRecords } },
    );
  }
  const units = chunks.reduce((n, c) => n + c.text.length, 0);
  if (units * 3 <= spec.maxBytes) return;
  const bytes = chunks.reduce((n, c) => n + Buffer.byteLength(c.text), 0);
  if (bytes > spec.maxBytes) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `input port ${spec.port}: a batch of ${bytes} bytes is over the limit of ${spec.maxBytes}`,
      { details: { bytes, maxBytes: spec.maxBytes } },
    );
  }
}

/**
 * The records' NDJSON lines, numbered from `firstIdx`. Bounds are the batch's business
 * (`checkBatchBounds`): chunks staged apart are checked together when written.
 */
export function stageRecords(
  records: readonly StreamRecord[],
  spec: StreamPortSpec,
  firstIdx = 0,
): StagedRecords {
  const names = spec.columns.map((c) => [c.name, `${JSON.stringify(c.name)}:`] as const);
  // Lines joined once: a string grown with += is a rope of one node per line, flattened (and
  // collected) later on the write's critical path.
  const lines: string[] = new Array(records.length);
  const keys: (string | undefined)[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as StreamRecord;
    const idx = firstIdx + i;
    const problem = recordProblem(record, spec);
    let line = `${IDX}${idx}`;
    keys[i] = record.key;
    if (record.key !== undefined) line += `${KEY}${JSON.stringify(record.key)}`;
    if (record.op !== undefined && record.op !== 'insert') line += `${OP}${JSON.stringify(record.op)}`;
    if (record.group !== undefined) line += `${GROUP}${record.group}`;
    if (record.source !== undefined) line += `${SOURCE}${JSON.stringify(record.source)}`;
    const position = record.position ?? i + 1;
    if (position !== idx + 1) line += `${POSITION}${position}`;
    if (problem === undefined) {
      const value = record.value as Record<string, unknown>;
      for (const [name, quoted] of names) {
        const v = value[name];
        if (v !== undefined) line += `,${quoted}${JSON.stringify(v)}`;
      }
    } else {
      line += `${PROBLEM}${JSON.stringify(problem)}${RAW}${JSON.stringify(record.value ?? null) ?? 'null'}`;
    }
    lines[i] = `${line}}\n`;
  }
  return { first: firstIdx, text: lines.join(''), keys, count: records.length };
}
