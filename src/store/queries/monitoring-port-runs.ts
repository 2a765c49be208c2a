/** One output port's run history, as SLA and volume monitors read it. */
import { requireLimit } from '../input-checks.js';
import { runFromRow } from '../mapping/run-rows.js';
import type { PortRunFilter } from '../model/monitoring-model.js';
import type { Run } from '../model/run-model.js';
import type { StoreContext } from '../store-context.js';
import { requireInstant } from './monitoring-input.js';

/** The port's runs started at or after `since`, newest first. */
export async function listPortRuns(ctx: StoreContext, filter: PortRunFilter): Promise<Run[]> {
  const rows = await ctx.db
    .selectFrom('runs')
    .selectAll()
    .where('product_id', '=', filter.productId)
    .where('port', '=', filter.port)
    .where('started_at', '>=', requireInstant(filter.since, 'since'))
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(requireLimit(filter.limit))
    .execute();
  return rows.map(runFromRow);
}

/**
 * When the port's data was last updated: the latest finish of a run that succeeded. A run the
 * runtime skipped is recorded as succeeded with the reason as its error, so runs with an error
 * do not count.
 */
export async function lastPortUpdate(
  ctx: StoreContext,
  productId: string,
  port: string,
): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('runs')
    .select((eb) => eb.fn.max('finished_at').as('at'))
    .where('product_id', '=', productId)
    .where('port', '=', port)
    .where('status', '=', 'succeeded')
    .where('error', 'is', null)
    .executeTakeFirst();
  return row?.at ?? undefined;
}
