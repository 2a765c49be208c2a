/** Reading an output port's change log (`_meshplane.changes`) from an offset. */
import { type DuckDBDriver, qualifiedName } from '../../engines/duckdb/index.js';
import { MeshplaneError } from '../../errors/index.js';
import {
  CHANGES_PRUNED_TABLE,
  CHANGES_TABLE,
  productAlias,
  SYSTEM_SCHEMA,
} from '../../runtime/storage-layout.js';

/** What a change does to the port's table. `reset`: every row before it is gone (full refresh, no key). */
export type ChangeOp = 'upsert' | 'delete' | 'reset';

/** One row of the change log. */
export interface ChangeRecord {
  readonly offset: number;
  readonly port: string;
  readonly op: ChangeOp;
  /** The primary key columns, or null for a port without a key. */
  readonly key: Readonly<Record<string, unknown>> | null;
  /** The row as stored after the change; null for `delete` and `reset`. */
  readonly row: Readonly<Record<string, unknown>> | null;
  readonly runId: string | null;
  /** When the transform logged it, RFC 3339 UTC. */
  readonly at: string;
}

export interface ChangeQuery {
  /** Changes after this offset (0: from the start). */
  readonly after: number;
  /** At most this many. */
  readonly limit: number;
}

function parseJson(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}

/** The port's changes after `query.after`, oldest first. The product's file must be attached. */
export async function readChanges(
  hub: DuckDBDriver,
  productId: string,
  port: string,
  query: ChangeQuery,
): Promise<ChangeRecord[]> {
  const table = qualifiedName(productAlias(productId), SYSTEM_SCHEMA, CHANGES_TABLE);
  const rows = await hub.query(
    `SELECT "offset", "port", "op", "key", "row", "run_id",
       strftime("at", '%Y-%m-%dT%H:%M:%S.%fZ') AS "at"
     FROM ${table} WHERE "port" = $1 AND "offset" > $2 ORDER BY "offset" LIMIT $3`,
    { params: [port, BigInt(Math.max(0, Math.trunc(query.after))), BigInt(query.limit)] },
  );
  return rows.map((r) => ({
    offset: Number(r.offset),
    port: String(r.port),
    op: r.op as ChangeOp,
    key: parseJson(r.key),
    row: parseJson(r.row),
    runId: r.run_id === null || r.run_id === undefined ? null : String(r.run_id),
    at: String(r.at),
  }));
}

/** The last offset of the product's change log (0 when empty): where a "from now on" reader starts. */
export async function lastOffset(hub: DuckDBDriver, productId: string): Promise<number> {
  const table = qualifiedName(productAlias(productId), SYSTEM_SCHEMA, CHANGES_TABLE);
  const [row] = await hub.query(`SELECT coalesce(max("offset"), 0) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}

/** The last offset of the port's changes its retention removed (0 when none was). */
export async function prunedThrough(hub: DuckDBDriver, productId: string, port: string): Promise<number> {
  const table = qualifiedName(productAlias(productId), SYSTEM_SCHEMA, CHANGES_PRUNED_TABLE);
  const [row] = await hub.query(`SELECT "through" FROM ${table} WHERE "port" = $1`, { params: [port] });
  return Number(row?.through ?? 0);
}

/**
 * PRECONDITION_FAILED when a reader resuming after `after` would miss changes the port's
 * retention removed: it must say so rather than skip them silently.
 */
export async function assertResumable(
  hub: DuckDBDriver,
  productId: string,
  port: string,
  after: number,
): Promise<void> {
  const through = await prunedThrough(hub, productId, port);
  if (after >= through) return;
  throw new MeshplaneError(
    'PRECONDITION_FAILED',
    `${productId}/${port}: changes up to offset ${through} were removed by the port's retention (meshplane.events.retention); resume after ${through} knowing the changes between are lost to you, or read the port's table again`,
    { details: { after, prunedThrough: through } },
  );
}
