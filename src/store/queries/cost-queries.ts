/** Query cost per day, domain and consumer; pipeline compute per product from the runs. */
import { MeshplaneError } from '../../errors/index.js';
import { requireCount, requireDate, requireText } from '../input-checks.js';
import {
  consumerCostFromRow,
  consumerCostRow,
  domainCostFromRow,
  domainCostRows,
  runComputeFromRows,
} from '../mapping/cost-rows.js';
import type {
  ConsumerQueryCost,
  DomainQueryCost,
  QueryCostFilter,
  QueryCostInput,
  RunCompute,
} from '../model/cost-model.js';
import type { StoreContext } from '../store-context.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function requireDay(value: unknown, what: string): string {
  if (typeof value !== 'string' || !DAY.test(value)) {
    throw new MeshplaneError('INVALID_INPUT', `${what} must be a day as YYYY-MM-DD`);
  }
  return value;
}

function checkInput(input: QueryCostInput): void {
  requireDate(input.at, 'at');
  requireText(input.consumer, 'consumer');
  requireCount(input.durationMs, 'durationMs');
  requireCount(input.rows, 'rows');
  requireCount(input.bytesScanned, 'bytesScanned');
  for (const share of input.domains) {
    requireText(share.domain, 'domain');
    requireCount(share.bytesScanned, 'bytesScanned');
  }
}

/**
 * Adds a finished query to its consumer's day totals and to those of each domain it read, in one
 * transaction. Additions are upserts, so concurrent queries (in any process) all count.
 */
export async function recordQueryCost(ctx: StoreContext, input: QueryCostInput): Promise<void> {
  checkInput(input);
  const consumerRow = consumerCostRow(input);
  const domainRows = domainCostRows(input);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consumer_query_costs')
      .values(consumerRow)
      .onConflict((oc) =>
        oc.columns(['day', 'consumer']).doUpdateSet((eb) => ({
          queries: eb('consumer_query_costs.queries', '+', eb.ref('excluded.queries')),
          duration_ms: eb('consumer_query_costs.duration_ms', '+', eb.ref('excluded.duration_ms')),
          bytes_scanned: eb('consumer_query_costs.bytes_scanned', '+', eb.ref('excluded.bytes_scanned')),
          rows: eb('consumer_query_costs.rows', '+', eb.ref('excluded.rows')),
        })),
      )
      .execute();
    if (domainRows.length === 0) return;
    await trx
      .insertInto('domain_query_costs')
      .values(domainRows)
      .onConflict((oc) =>
        oc.columns(['day', 'domain', 'consumer']).doUpdateSet((eb) => ({
          queries: eb('domain_query_costs.queries', '+', eb.ref('excluded.queries')),
          duration_ms: eb('domain_query_costs.duration_ms', '+', eb.ref('excluded.duration_ms')),
          bytes_scanned: eb('domain_query_costs.bytes_scanned', '+', eb.ref('excluded.bytes_scanned')),
          rows: eb('domain_query_costs.rows', '+', eb.ref('excluded.rows')),
        })),
      )
      .execute();
  });
}

/** Day totals per (day, domain, consumer) in a range of days, by day, domain and consumer. */
export async function listDomainQueryCosts(
  ctx: StoreContext,
  filter: QueryCostFilter,
): Promise<DomainQueryCost[]> {
  let query = ctx.db
    .selectFrom('domain_query_costs')
    .selectAll()
    .where('day', '>=', requireDay(filter.fromDay, 'fromDay'))
    .where('day', '<=', requireDay(filter.toDay, 'toDay'));
  if (filter.domain !== undefined) query = query.where('domain', '=', filter.domain);
  if (filter.consumer !== undefined) query = query.where('consumer', '=', filter.consumer);
  const rows = await query.orderBy('day').orderBy('domain').orderBy('consumer').execute();
  return rows.map(domainCostFromRow);
}

/** Day totals per (day, consumer) in a range of days, by day and consumer. */
export async function listConsumerQueryCosts(
  ctx: StoreContext,
  filter: QueryCostFilter,
): Promise<ConsumerQueryCost[]> {
  let query = ctx.db
    .selectFrom('consumer_query_costs')
    .selectAll()
    .where('day', '>=', requireDay(filter.fromDay, 'fromDay'))
    .where('day', '<=', requireDay(filter.toDay, 'toDay'));
  if (filter.consumer !== undefined) query = query.where('consumer', '=', filter.consumer);
  const rows = await query.orderBy('day').orderBy('consumer').execute();
  return rows.map(consumerCostFromRow);
}

/**
 * Pipeline compute per product: the runs (ingests and transforms) started at or after `since`
 * and finished, with their summed time. Summed here, not in SQL: the dialects subtract text
 * timestamps differently, and the store keeps one code path.
 */
export async function listRunCompute(ctx: StoreContext, since: Date): Promise<RunCompute[]> {
  const rows = await ctx.db
    .selectFrom('runs')
    .select(['product_id', 'started_at', 'finished_at'])
    .where('started_at', '>=', requireDate(since, 'since'))
    .where('finished_at', 'is not', null)
    .execute();
  return runComputeFromRows(
    rows.flatMap((r) => (r.finished_at === null ? [] : [{ ...r, finished_at: r.finished_at }])),
  );
}
