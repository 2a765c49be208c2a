/** Reads of the deploy journal. */
import type { Kysely } from 'kysely';
import { requireLimit } from '../input-checks.js';
import { deployFromRows, deploySummaryFromRow } from '../mapping/deploy-rows.js';
import { type Deploy, type DeploySummary, FINISHED_DEPLOY_STATES } from '../model/deploy-model.js';
import type { ControlDatabase } from '../schema/control-database.js';
import type { StoreContext } from '../store-context.js';

/** A deploy with its steps, read through `db` (the store's, or a transaction's). */
export async function readDeploy(db: Kysely<ControlDatabase>, id: string): Promise<Deploy | undefined> {
  const row = await db.selectFrom('deploys').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const steps = await db.selectFrom('deploy_steps').selectAll().where('deploy_id', '=', id).execute();
  return deployFromRows(row, steps);
}

/** A deploy with its steps. */
export function getDeploy(ctx: StoreContext, id: string): Promise<Deploy | undefined> {
  return readDeploy(ctx.db, id);
}

/** Deploys newest first, of one product or of all; without bundles and steps. */
export async function listDeploys(
  ctx: StoreContext,
  productId: string | undefined,
  limit: number,
): Promise<DeploySummary[]> {
  let query = ctx.db
    .selectFrom('deploys')
    .select([
      'id',
      'product_id',
      'version',
      'digest',
      'state',
      'error_message',
      'error_step',
      'created_at',
      'updated_at',
      'finished_at',
    ]);
  if (productId !== undefined) query = query.where('product_id', '=', productId);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(requireLimit(limit))
    .execute();
  return rows.map(deploySummaryFromRow);
}

/** Deploys neither succeeded nor failed, oldest first, with their bundles and steps. */
export async function unfinishedDeploys(ctx: StoreContext): Promise<Deploy[]> {
  const rows = await ctx.db
    .selectFrom('deploys')
    .selectAll()
    .where('state', 'not in', [...FINISHED_DEPLOY_STATES])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const steps = await ctx.db
    .selectFrom('deploy_steps')
    .selectAll()
    .where(
      'deploy_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) => deployFromRows(row, steps));
}
