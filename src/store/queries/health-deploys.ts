/** The deploy journal summed up per product, for the mesh's time-to-create figures. */
import { optional } from '../mapping/optional.js';
import type { DeployMilestones } from '../model/health-model.js';
import type { StoreContext } from '../store-context.js';

/**
 * Per product with at least one deploy, by product id: its first deploy's begin, its first
 * successful deploy's finish, and how many deploys it had and how they ended. One grouped
 * statement; `min` over ISO text is time order in both dialects.
 */
export async function listDeployMilestones(ctx: StoreContext): Promise<DeployMilestones[]> {
  const rows = await ctx.db
    .selectFrom('deploys')
    .select((eb) => [
      'product_id',
      eb.fn.min('created_at').as('first_deploy_at'),
      eb.fn
        .min(
          eb.case().when('state', '=', 'succeeded').then(eb.fn.coalesce('finished_at', 'updated_at')).end(),
        )
        .as('first_succeeded_at'),
      eb.fn.countAll().as('deploys'),
      eb.fn.sum(eb.case().when('state', '=', 'succeeded').then(1).else(0).end()).as('succeeded'),
      eb.fn.sum(eb.case().when('state', '=', 'failed').then(1).else(0).end()).as('failed'),
    ])
    .groupBy('product_id')
    .orderBy('product_id')
    .execute();
  return rows.map((r) => ({
    productId: r.product_id,
    firstDeployAt: String(r.first_deploy_at),
    ...optional('firstSucceededAt', r.first_succeeded_at === null ? null : String(r.first_succeeded_at)),
    deploys: Number(r.deploys),
    succeeded: Number(r.succeeded ?? 0),
    failed: Number(r.failed ?? 0),
  }));
}
