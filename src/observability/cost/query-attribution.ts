/**
 * Who a query's cost is charged to: its consumer once, and every domain it read. Each domain
 * read is charged the query's whole time, not a share: the time is what the domain's data made
 * the platform spend, and a split would let a query dodge a domain's quota by joining one more
 * small table from elsewhere. So domain totals add up to more than consumer totals when queries
 * cross domains. Bytes are not duplicated: each domain gets the bytes of its own tables. Pure.
 */
import type { QueryCostInput } from '../../store/index.js';

/** One table a query read: its product, that product's domain and the table's estimated bytes. */
export interface TableRead {
  readonly productId: string;
  readonly domain: string;
  readonly bytes: number;
}

/** A finished query, measured by the query path. */
export interface MeasuredQuery {
  readonly at: Date;
  readonly consumer: string;
  /** Milliseconds, fractional, from receiving the query to its last row. */
  readonly durationMs: number;
  readonly rows: number;
  readonly reads: readonly TableRead[];
}

/** The query as the store keeps it: whole milliseconds (at least 1), bytes summed per domain. */
export function attributeQuery(query: MeasuredQuery): QueryCostInput {
  const byDomain = new Map<string, number>();
  for (const read of query.reads) byDomain.set(read.domain, (byDomain.get(read.domain) ?? 0) + read.bytes);
  const domains = [...byDomain.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([domain, bytesScanned]) => ({ domain, bytesScanned }));
  return {
    at: query.at,
    consumer: query.consumer,
    durationMs: Math.max(1, Math.ceil(Number.isFinite(query.durationMs) ? query.durationMs : 0)),
    rows: Math.max(0, query.rows),
    bytesScanned: domains.reduce((sum, d) => sum + d.bytesScanned, 0),
    domains,
  };
}
