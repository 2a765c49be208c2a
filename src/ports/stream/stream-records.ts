/**
 * A batch as the NDJSON text DuckDB stages: each record projected to the contract's columns (as a
 * files port reads an NDJSON file: scalars as written, objects and arrays as JSON) plus the
 * record's bookkeeping in `__meshplane_*` fields. Pure.
 */
import { MeshplaneError } from '../../errors/index.js';
import type { StreamPortSpec } from './stream-port-spec.js';
import type { StreamBatch, StreamOperation, StreamRecord } from './stream-types.js';

/** The bookkeeping fields of a staged line, with their DuckDB types. */
export const META_FIELDS = {
  idx: ['__meshplane_idx', 'BIGINT'],
  key: ['__meshplane_key', 'VARCHAR'],
  op: ['__meshplane_op', 'VARCHAR'],
  group: ['__meshplane_group', 'BIGINT'],
  source: ['__meshplane_source', 'VARCHAR'],
  position: ['__meshplane_position', 'BIGINT'],
  problem: ['__meshplane_problem', 'VARCHAR'],
  /** Set when an earlier record of the batch has the same key. */
  repeat: ['__meshplane_repeat', 'BOOLEAN'],
  raw: ['__meshplane_raw', 'JSON'],
} as const;

const OPERATIONS: ReadonlySet<string> = new Set<StreamOperation>(['insert', 'upsert', 'delete']);

export interface StagedBatch {
  readonly text: string;
  readonly bytes: number;
}

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

/**
 * The batch's NDJSON text. INVALID_INPUT when it holds more records or bytes than the port
 * allows: nothing of it is stored.
 */
export function stageText(batch: StreamBatch, spec: StreamPortSpec, defaultSource: string): StagedBatch {
  if (batch.records.length > spec.maxRecords) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `input port ${spec.port}: a batch of ${batch.records.length} records is over the limit of ${spec.maxRecords}`,
      { details: { records: batch.records.length, maxRecords: spec.maxRecords } },
    );
  }
  const names = spec.columns.map((c) => [c.name, JSON.stringify(c.name)] as const);
  const lines: string[] = [];
  const seen = new Set<string>();
  batch.records.forEach((record, idx) => {
    const problem = recordProblem(record, spec);
    const fields: string[] = [];
    if (problem === undefined) {
      const value = record.value as Record<string, unknown>;
      for (const [name, quoted] of names) {
        const v = value[name];
        if (v !== undefined) fields.push(`${quoted}:${JSON.stringify(v)}`);
      }
    }
    const meta: Record<string, unknown> = {
      [META_FIELDS.idx[0]]: idx,
      [META_FIELDS.key[0]]: record.key ?? null,
      [META_FIELDS.op[0]]: record.op ?? 'insert',
      [META_FIELDS.group[0]]: record.group ?? -1,
      [META_FIELDS.source[0]]: record.source ?? defaultSource,
      [META_FIELDS.position[0]]: record.position ?? idx + 1,
    };
    if (record.key !== undefined) {
      if (seen.has(record.key)) meta[META_FIELDS.repeat[0]] = true;
      else seen.add(record.key);
    }
    if (problem !== undefined) {
      meta[META_FIELDS.problem[0]] = problem;
      meta[META_FIELDS.raw[0]] = record.value ?? null;
    }
    const metaText = JSON.stringify(meta);
    const line = fields.length === 0 ? metaText : `{${fields.join(',')},${metaText.slice(1)}`;
    lines.push(line);
  });
  const text = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  const bytes = Buffer.byteLength(text);
  if (bytes > spec.maxBytes) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `input port ${spec.port}: a batch of ${bytes} bytes is over the limit of ${spec.maxBytes}`,
      { details: { bytes, maxBytes: spec.maxBytes } },
    );
  }
  return { text, bytes };
}
