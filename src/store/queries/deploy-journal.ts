/**
 * The deploy journal's writes. A deploy is begun (pending), records steps, and is completed (its
 * registration committed with it) or failed. At most one deploy per product is unfinished at a
 * time: a partial unique index enforces it across processes, so two concurrent begins of the same
 * product cannot both proceed.
 */
import type { Kysely } from 'kysely';
import { MeshplaneError } from '../../errors/index.js';
import { requireOneOf, requireText } from '../input-checks.js';
import { isUnfinished } from '../mapping/deploy-rows.js';
import { toJsonText } from '../mapping/json-text.js';
import {
  type BeginDeployInput,
  type BeginDeployResult,
  DEPLOY_STEPS,
  type Deploy,
  type DeployCompletionExtras,
  type DeployError,
  type DeployStepName,
  FINISHED_DEPLOY_STATES,
} from '../model/deploy-model.js';
import type { ProductRegistration } from '../model/product-model.js';
import type { ControlDatabase } from '../schema/control-database.js';
import type { StoreContext } from '../store-context.js';
import { appendAuditIn } from './audit-log.js';
import { checkRegistration } from './check-registration.js';
import { readDeploy } from './deploy-reads.js';
import { insertNotifications } from './notification-queries.js';
import { registerProduct, versionRegistered } from './register-product.js';
import { insertWebhooks } from './webhook-outbox.js';

/**
 * Locks a deploy's row for the rest of the transaction with a no-op update (portable, unlike
 * `SELECT ... FOR UPDATE`, which SQLite lacks; SQLite's write transactions are exclusive anyway),
 * so two writers of one deploy take turns and the second sees what the first committed.
 */
async function lockDeploy(trx: Kysely<ControlDatabase>, id: string): Promise<Deploy> {
  await trx
    .updateTable('deploys')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', id)
    .execute();
  return requireDeploy(trx, id);
}

async function requireDeploy(db: Kysely<ControlDatabase>, id: string): Promise<Deploy> {
  const deploy = await readDeploy(db, id);
  if (deploy === undefined) {
    throw new MeshplaneError('NOT_FOUND', `deploy ${id} does not exist`, { details: { deployId: id } });
  }
  return deploy;
}

function finishedConflict(deploy: Deploy, action: string): MeshplaneError {
  return new MeshplaneError('CONFLICT', `cannot ${action} deploy ${deploy.id}: it has ${deploy.state}`, {
    details: { deployId: deploy.id, state: deploy.state },
  });
}

/** The deploy that made the product's current version, if it was made from `digest`. */
async function currentDeployOf(
  db: Kysely<ControlDatabase>,
  productId: string,
  digest: string,
): Promise<string | undefined> {
  const current = await db
    .selectFrom('products')
    .innerJoin('product_versions', (join) =>
      join
        .onRef('product_versions.product_id', '=', 'products.id')
        .onRef('product_versions.version', '=', 'products.current_version'),
    )
    .select(['product_versions.digest', 'product_versions.deploy_id'])
    .where('products.id', '=', productId)
    .executeTakeFirst();
  return current?.digest === digest ? current.deploy_id : undefined;
}

/**
 * Opens a deploy, or returns the one that made the current version when it came from the same
 * digest. CONFLICT when the version is registered with another digest or the product has an
 * unfinished deploy (also when another process begins one at the same moment).
 */
export async function beginDeploy(ctx: StoreContext, input: BeginDeployInput): Promise<BeginDeployResult> {
  const productId = requireText(input.productId, 'productId');
  const version = requireText(input.version, 'version');
  const digest = requireText(input.digest, 'digest');
  const bundle = toJsonText(input.bundle, 'deploy bundle');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const currentDeployId = await currentDeployOf(trx, productId, digest);
      if (currentDeployId !== undefined) {
        return { deploy: await requireDeploy(trx, currentDeployId), alreadyDeployed: true };
      }
      await versionRegistered(trx, productId, version, digest);
      const unfinished = await trx
        .selectFrom('deploys')
        .select(['id', 'state'])
        .where('product_id', '=', productId)
        .where('state', 'not in', [...FINISHED_DEPLOY_STATES])
        .executeTakeFirst();
      if (unfinished !== undefined) {
        throw new MeshplaneError(
          'CONFLICT',
          `${productId} is being deployed already (deploy ${unfinished.id}, ${unfinished.state}); wait for it, or fail it if its process is gone`,
          { details: { productId, deployId: unfinished.id } },
        );
      }
      const id = ctx.newId();
      const at = ctx.now();
      await trx
        .insertInto('deploys')
        .values({
          id,
          product_id: productId,
          version,
          digest,
          state: 'pending',
          bundle,
          error_message: null,
          error_step: null,
          created_at: at,
          updated_at: at,
          finished_at: null,
        })
        .execute();
      return { deploy: await requireDeploy(trx, id), alreadyDeployed: false };
    });
  } catch (error) {
    if (ctx.failureOf(error) !== 'conflict') throw error;
    throw new MeshplaneError('CONFLICT', `another deploy of ${productId} began at the same moment`, {
      cause: error,
      details: { productId },
    });
  }
}

/** Appends a step to an unfinished deploy's log and makes it the deploy's state. */
export async function recordDeployStep(
  ctx: StoreContext,
  deployId: string,
  step: DeployStepName,
  detail?: unknown,
): Promise<void> {
  requireOneOf(step, DEPLOY_STEPS, 'deploy step');
  const detailText = detail === undefined ? null : toJsonText(detail, `detail of step ${step}`);
  await ctx.db.transaction().execute(async (trx) => {
    const deploy = await lockDeploy(trx, deployId);
    if (!isUnfinished(deploy.state)) throw finishedConflict(deploy, `record step ${step} of`);
    const at = ctx.now();
    const seq = (deploy.steps.at(-1)?.seq ?? 0) + 1;
    await trx
      .insertInto('deploy_steps')
      .values({ deploy_id: deployId, seq, step, detail: detailText, recorded_at: at })
      .execute();
    await trx
      .updateTable('deploys')
      .set({ state: step, updated_at: at })
      .where('id', '=', deployId)
      .execute();
  });
}

/**
 * Marks the deploy succeeded and registers its product version as current, in one transaction
 * that also writes the extras (audit events, notifications, webhooks): all commit or none does.
 * A succeeded deploy is returned as it is (completing twice is a no-op, and writes no extras
 * again); a failed one is CONFLICT.
 */
export async function completeDeploy(
  ctx: StoreContext,
  deployId: string,
  registration: ProductRegistration,
  extras: DeployCompletionExtras = {},
): Promise<Deploy> {
  checkRegistration(registration);
  return ctx.db.transaction().execute(async (trx) => {
    const deploy = await lockDeploy(trx, deployId);
    if (deploy.state === 'succeeded') return deploy;
    if (deploy.state === 'failed') throw finishedConflict(deploy, 'complete');
    const at = ctx.now();
    const by = { productId: deploy.productId, version: deploy.version, digest: deploy.digest, deployId, at };
    await registerProduct(trx, by, registration);
    await trx
      .updateTable('deploys')
      .set({ state: 'succeeded', updated_at: at, finished_at: at })
      .where('id', '=', deployId)
      .execute();
    const inTrx = { ...ctx, db: trx };
    await appendAuditIn(inTrx, extras.audit ?? []);
    await insertNotifications(inTrx, extras.notifications ?? []);
    await insertWebhooks(inTrx, extras.webhooks ?? []);
    return requireDeploy(trx, deployId);
  });
}

/**
 * Marks an unfinished deploy failed with the error and the step it failed at. The registry is not
 * touched, so the product's previous version stays current. Failing a failed deploy returns it
 * unchanged; failing a succeeded one is CONFLICT.
 */
export async function failDeploy(ctx: StoreContext, deployId: string, error: DeployError): Promise<Deploy> {
  const message = requireText(error.message, 'error message');
  const step = requireText(error.step, 'error step');
  return ctx.db.transaction().execute(async (trx) => {
    const deploy = await lockDeploy(trx, deployId);
    if (deploy.state === 'failed') return deploy;
    if (deploy.state === 'succeeded') throw finishedConflict(deploy, 'fail');
    const at = ctx.now();
    await trx
      .updateTable('deploys')
      .set({ state: 'failed', error_message: message, error_step: step, updated_at: at, finished_at: at })
      .where('id', '=', deployId)
      .execute();
    return requireDeploy(trx, deployId);
  });
}
