/** Pure mapping between query cost rows and costs, and run rows to pipeline compute. */
import type { Insertable, Selectable } from 'kysely';
import type { ConsumerQueryCost, DomainQueryCost, QueryCostInput, RunCompute } from '../model/cost-model.js';
import type { ConsumerQueryCostsTable, DomainQueryCostsTable } from '../schema/control-database.js';

/** The UTC day of a time, `YYYY-MM-DD`: the key query costs are added up under. */
export function costDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A query as the consumer's row to add to its day's totals. */
export function consumerCostRow(input: QueryCostInput): Insertable<ConsumerQueryCostsTable> {
  return {
    day: costDay(input.at),
    consumer: input.consumer,
    queries: 1,
    duration_ms: input.durationMs,
    bytes_scanned: input.bytesScanned,
    rows: input.rows,
  };
}

/**
 * A query as one row per domain it read, to add to the domains' day totals: each domain gets the
 * whole time and rows and the bytes of its own tables. A domain listed twice is merged. Rows come
 * sorted by domain, so concurrent writers lock keys in one order and cannot deadlock.
 */
export function domainCostRows(input: QueryCostInput): Insertable<DomainQueryCostsTable>[] {
  const bytes = new Map<string, number>();
  for (const share of input.domains)
    bytes.set(share.domain, (bytes.get(share.domain) ?? 0) + share.bytesScanned);
  const day = costDay(input.at);
  return [...bytes.keys()].sort().map((domain) => ({
    day,
    domain,
    consumer: input.consumer,
    queries: 1,
    duration_ms: input.durationMs,
    bytes_scanned: bytes.get(domain) ?? 0,
    rows: input.rows,
  }));
}

/** A consumer's day row as a cost; BIGINT counts read as numbers. */
export function consumerCostFromRow(row: Selectable<ConsumerQueryCostsTable>): ConsumerQueryCost {
  return {
    day: row.day,
    consumer: row.consumer,
    queries: Number(row.queries),
    durationMs: Number(row.duration_ms),
    bytesScanned: Number(row.bytes_scanned),
    rows: Number(row.rows),
  };
}

/** A domain's day row as a cost; BIGINT counts read as numbers. */
export function domainCostFromRow(row: Selectable<DomainQueryCostsTable>): DomainQueryCost {
  return { ...consumerCostFromRow(row), domain: row.domain };
}

/** What pipeline compute is summed from: a finished run's product and times (ISO-8601 text). */
export interface RunTimes {
  readonly product_id: string;
  readonly started_at: string;
  readonly finished_at: string;
}

/**
 * Finished runs summed per product, by product id. A run whose times do not parse, or end
 * before they start (a clock set back), counts as a run of 0 ms.
 */
export function runComputeFromRows(rows: readonly RunTimes[]): RunCompute[] {
  const byProduct = new Map<string, { runs: number; durationMs: number }>();
  for (const row of rows) {
    const ms = Date.parse(row.finished_at) - Date.parse(row.started_at);
    const sum = byProduct.get(row.product_id) ?? { runs: 0, durationMs: 0 };
    sum.runs += 1;
    sum.durationMs += Number.isFinite(ms) && ms > 0 ? ms : 0;
    byProduct.set(row.product_id, sum);
  }
  return [...byProduct.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([productId, sum]) => ({ productId, ...sum }));
}
