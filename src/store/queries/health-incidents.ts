/** Unresolved incidents counted per product, for the mesh's health report. */
import type { ActiveIncidentCount } from '../model/health-model.js';
import type { StoreContext } from '../store-context.js';

/** Per product with an open or acknowledged incident, by product id: how many of each. */
export async function countActiveIncidents(ctx: StoreContext): Promise<ActiveIncidentCount[]> {
  const rows = await ctx.db
    .selectFrom('incidents')
    .select((eb) => ['product_id', 'state', eb.fn.countAll().as('n')])
    .where('state', 'in', ['open', 'acknowledged'])
    .groupBy(['product_id', 'state'])
    .orderBy('product_id')
    .execute();
  const counts = new Map<string, { open: number; acknowledged: number }>();
  for (const row of rows) {
    const entry = counts.get(row.product_id) ?? { open: 0, acknowledged: 0 };
    if (row.state === 'open') entry.open += Number(row.n);
    else entry.acknowledged += Number(row.n);
    counts.set(row.product_id, entry);
  }
  return [...counts.entries()].map(([productId, n]) => ({ productId, ...n }));
}
