import { qualifiedName } from '../engines/duckdb/index.js';
import type { SqlValue } from '../engines/engine.js';
import { MeshplaneError } from '../errors/index.js';
import { openProductStorage, type StorageContext } from './product-storage.js';
import { productAlias, QUARANTINE_TABLE, SYSTEM_SCHEMA } from './storage-layout.js';

/** A record an input port refused, with why and where it came from. */
export interface QuarantinedRecord {
  readonly id: number;
  readonly port: string;
  /** The file the record came from. */
  readonly source: string;
  /** 1-based record number in the source (data rows, header excluded). */
  readonly position: number;
  /** Every failed check, `column: what is wrong`, joined by `; `. */
  readonly reason: string;
  /** The record as read (JSON object, values as text for CSV). */
  readonly record: SqlValue;
  /** ISO 8601, UTC. */
  readonly quarantinedAt: string;
}

export interface QuarantineQuery {
  readonly port?: string;
  /** At most this many records, newest first (default 100, at most 10,000). */
  readonly limit?: number;
}

function table(productId: string): string {
  return qualifiedName(productAlias(productId), SYSTEM_SCHEMA, QUARANTINE_TABLE);
}

/** The newest quarantined records of a product, optionally of one port. */
export async function listQuarantine(
  ctx: StorageContext,
  productId: string,
  query: QuarantineQuery = {},
): Promise<QuarantinedRecord[]> {
  await openProductStorage(ctx, productId);
  const limit = query.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new MeshplaneError('INVALID_INPUT', 'limit must be a whole number from 1 to 10000');
  }
  const where = query.port === undefined ? '' : 'WHERE port = $1';
  const rows = await ctx.hub.query(
    `SELECT CAST(id AS DOUBLE) AS id, port, source, CAST(position AS DOUBLE) AS position, reason, record,
       strftime(quarantined_at, '%Y-%m-%dT%H:%M:%S.%fZ') AS at
     FROM ${table(productId)} ${where} ORDER BY id DESC LIMIT ${limit}`,
    query.port === undefined ? {} : { params: [query.port] },
  );
  return rows.map((r) => ({
    id: Number(r.id),
    port: String(r.port),
    source: String(r.source),
    position: Number(r.position),
    reason: String(r.reason),
    record: typeof r.record === 'string' ? (JSON.parse(r.record) as SqlValue) : (r.record ?? null),
    quarantinedAt: String(r.at),
  }));
}

/** How many records each port of the product has in quarantine (ports with none are absent). */
export async function quarantineCounts(ctx: StorageContext, productId: string): Promise<Map<string, number>> {
  await openProductStorage(ctx, productId);
  const rows = await ctx.hub.query(
    `SELECT port, CAST(count(*) AS DOUBLE) AS n FROM ${table(productId)} GROUP BY port ORDER BY port`,
  );
  return new Map(rows.map((r) => [String(r.port), Number(r.n)]));
}
