/** Port usage: reads of output port versions, counted per consumer. */
import { requireCount, requireDate, requireText } from '../input-checks.js';
import { portUsageFromRow, usageRowsFromEntries } from '../mapping/usage-rows.js';
import type { PortUsage, PortUsageFilter, PortUsageInput } from '../model/usage-model.js';
import type { StoreContext } from '../store-context.js';

/** Rows per INSERT: well under SQLite's limit of bound parameters (8 per row). */
const CHUNK = 500;

function checkEntry(e: PortUsageInput): void {
  requireText(e.productId, 'productId');
  requireText(e.port, 'port');
  requireCount(e.major, 'major');
  requireText(e.consumer, 'consumer');
  requireCount(e.rows, 'rows');
  requireDate(e.at, 'at');
}

/**
 * Adds the reads to their consumers' totals in one transaction: a read per entry, the rows
 * summed, the first and last read times widened. Entries for the same key are merged first.
 */
export async function recordPortUsage(ctx: StoreContext, entries: readonly PortUsageInput[]): Promise<void> {
  for (const e of entries) checkEntry(e);
  const rows = usageRowsFromEntries(entries);
  if (rows.length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('port_usage')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['product_id', 'port', 'major', 'consumer']).doUpdateSet((eb) => ({
            reads: eb('port_usage.reads', '+', eb.ref('excluded.reads')),
            rows: eb('port_usage.rows', '+', eb.ref('excluded.rows')),
            // Text comparison is time order (fixed-width ISO-8601); min()/least() differ by dialect.
            first_read_at: eb
              .case()
              .when('excluded.first_read_at', '<', eb.ref('port_usage.first_read_at'))
              .then(eb.ref('excluded.first_read_at'))
              .else(eb.ref('port_usage.first_read_at'))
              .end(),
            last_read_at: eb
              .case()
              .when('excluded.last_read_at', '>', eb.ref('port_usage.last_read_at'))
              .then(eb.ref('excluded.last_read_at'))
              .else(eb.ref('port_usage.last_read_at'))
              .end(),
          })),
        )
        .execute();
    }
  });
}

/** A product's usage, of one port or major version if asked, most recently read first. */
export async function listPortUsage(ctx: StoreContext, filter: PortUsageFilter): Promise<PortUsage[]> {
  let query = ctx.db
    .selectFrom('port_usage')
    .selectAll()
    .where('product_id', '=', requireText(filter.productId, 'productId'));
  if (filter.port !== undefined) query = query.where('port', '=', filter.port);
  if (filter.major !== undefined) query = query.where('major', '=', requireCount(filter.major, 'major'));
  const rows = await query
    .orderBy('last_read_at', 'desc')
    .orderBy('port')
    .orderBy('major')
    .orderBy('consumer')
    .execute();
  return rows.map(portUsageFromRow);
}
