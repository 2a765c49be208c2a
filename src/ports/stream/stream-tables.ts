/**
 * The bookkeeping of streamed input ports in a product's file (schema `_meshplane`): the
 * idempotency keys stored per port (the exactly-once record), each port's checkpoint and commit
 * sequence, and the sequence the product's last run consumed (so new input triggers a run, also
 * after a restart). Pure SQL.
 */
import { createTableSql, qualifiedName, quoteLiteral, type TableColumn } from '../../engines/duckdb/index.js';
import { SYSTEM_SCHEMA } from '../../runtime/storage-layout.js';

export const STREAM_KEYS_TABLE = 'stream_keys';
export const STREAM_OFFSETS_TABLE = 'stream_offsets';
export const STREAM_CONSUMED_TABLE = 'stream_consumed';

const text = (name: string, notNull = false): TableColumn => ({ name, sqlType: 'VARCHAR', notNull });
const bigint = (name: string): TableColumn => ({ name, sqlType: 'BIGINT', notNull: true });

/**
 * The three tables, idempotent (`IF NOT EXISTS`). The keys table has no primary key: the sink's
 * duplicate check (under the product's lock) is what keeps a key once, and an index would cost
 * every insert and every checkpoint without speeding the check, a semi-join. `stored_at` dates a key for
 * the dedup window (added to files made before it had one; their old keys stay undated, never
 * pruned).
 */
export function streamTablesSql(alias: string): string[] {
  const keys = qualifiedName(alias, SYSTEM_SCHEMA, STREAM_KEYS_TABLE);
  return [
    createTableSql(
      [alias, SYSTEM_SCHEMA, STREAM_KEYS_TABLE],
      [text('port', true), text('key', true), { name: 'stored_at', sqlType: 'TIMESTAMP', notNull: false }],
    ),
    `ALTER TABLE ${keys} ADD COLUMN IF NOT EXISTS stored_at TIMESTAMP`,
    createTableSql(
      [alias, SYSTEM_SCHEMA, STREAM_OFFSETS_TABLE],
      [
        text('port', true),
        text('checkpoint'),
        bigint('seq'),
        { name: 'updated_at', sqlType: 'TIMESTAMP', notNull: true },
      ],
      ['port'],
    ),
    createTableSql(
      [alias, SYSTEM_SCHEMA, STREAM_CONSUMED_TABLE],
      [text('port', true), bigint('seq')],
      ['port'],
    ),
  ];
}

export const streamTable = (alias: string, table: string) => qualifiedName(alias, SYSTEM_SCHEMA, table);

/** The port's checkpoint and commit sequence (no row before its first batch). */
export function readOffsetSql(alias: string, port: string): string {
  return `SELECT checkpoint, CAST(seq AS DOUBLE) AS seq FROM ${streamTable(alias, STREAM_OFFSETS_TABLE)} WHERE port = ${quoteLiteral(port)}`;
}

/** Stores the checkpoint and sequence of a committed batch. */
export function writeOffsetSql(
  alias: string,
  port: string,
  checkpoint: string | undefined,
  seq: number,
  atUs: number,
): string {
  const value = checkpoint === undefined ? 'NULL' : quoteLiteral(checkpoint);
  return `INSERT INTO ${streamTable(alias, STREAM_OFFSETS_TABLE)} (port, checkpoint, seq, updated_at)
VALUES (${quoteLiteral(port)}, ${value}, ${seq}, make_timestamp(${Math.trunc(atUs)}))
ON CONFLICT (port) DO UPDATE SET checkpoint = coalesce(excluded.checkpoint, checkpoint), seq = excluded.seq, updated_at = excluded.updated_at`;
}

/** Forgets the port's keys stored before `cutoffUs` (epoch microseconds): the dedup window's end. */
export function pruneKeysSql(alias: string, port: string, cutoffUs: number): string {
  return `DELETE FROM ${streamTable(alias, STREAM_KEYS_TABLE)} WHERE port = ${quoteLiteral(port)} AND stored_at < make_timestamp(${Math.trunc(cutoffUs)})`;
}

/** Ports whose committed sequence is past what the last run consumed: `port`, `seq` (committed). */
export function unconsumedSql(alias: string): string {
  return `SELECT o.port, CAST(o.seq AS DOUBLE) AS seq
FROM ${streamTable(alias, STREAM_OFFSETS_TABLE)} AS o
LEFT JOIN ${streamTable(alias, STREAM_CONSUMED_TABLE)} AS c ON c.port = o.port
WHERE o.seq > coalesce(c.seq, 0)`;
}

/** Marks a port's committed sequence as consumed by a run. */
export function markConsumedSql(alias: string, port: string, seq: number): string {
  return `INSERT INTO ${streamTable(alias, STREAM_CONSUMED_TABLE)} (port, seq) VALUES (${quoteLiteral(port)}, ${seq})
ON CONFLICT (port) DO UPDATE SET seq = greatest(seq, excluded.seq)`;
}
