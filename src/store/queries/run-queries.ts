/** Pipeline runs: started, finished, listed, and repaired after a crash. */
import { MeshplaneError } from '../../errors/index.js';
import { requireCount, requireLimit, requireOneOf, requireText } from '../input-checks.js';
import { runFromRow } from '../mapping/run-rows.js';
import {
  type FinishRunInput,
  INTERRUPTED_RUN_ERROR,
  RUN_MODES,
  RUN_OUTCOMES,
  RUN_TRIGGERS,
  type Run,
  type StartRunInput,
} from '../model/run-model.js';
import type { StoreContext } from '../store-context.js';

/** Records a running run and returns its id. */
export async function startRun(ctx: StoreContext, input: StartRunInput): Promise<string> {
  const id = ctx.newId();
  await ctx.db
    .insertInto('runs')
    .values({
      id,
      product_id: requireText(input.productId, 'productId'),
      port: requireText(input.port, 'port'),
      trigger: requireOneOf(input.trigger, RUN_TRIGGERS, 'trigger'),
      mode: requireOneOf(input.mode, RUN_MODES, 'mode'),
      status: 'running',
      rows_in: null,
      rows_out: null,
      error: null,
      started_at: ctx.now(),
      finished_at: null,
    })
    .execute();
  return id;
}

/**
 * Records how a running run ended, in one conditional update (so two finishers cannot both win).
 * NOT_FOUND for an unknown run, CONFLICT for one that is finished already.
 */
export async function finishRun(ctx: StoreContext, id: string, result: FinishRunInput): Promise<Run> {
  const values = {
    status: requireOneOf(result.status, RUN_OUTCOMES, 'status'),
    rows_in: requireCount(result.rowsIn, 'rowsIn'),
    rows_out: requireCount(result.rowsOut, 'rowsOut'),
    error: result.error ?? null,
    finished_at: ctx.now(),
  };
  const row = await ctx.db
    .updateTable('runs')
    .set(values)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .returningAll()
    .executeTakeFirst();
  if (row !== undefined) return runFromRow(row);
  const existing = await ctx.db.selectFrom('runs').select('status').where('id', '=', id).executeTakeFirst();
  if (existing === undefined) {
    throw new MeshplaneError('NOT_FOUND', `run ${id} does not exist`, { details: { runId: id } });
  }
  throw new MeshplaneError('CONFLICT', `run ${id} has ${existing.status} already`, {
    details: { runId: id, status: existing.status },
  });
}

/** A product's runs, newest first. */
export async function listRuns(ctx: StoreContext, productId: string, limit: number): Promise<Run[]> {
  const rows = await ctx.db
    .selectFrom('runs')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(requireLimit(limit))
    .execute();
  return rows.map(runFromRow);
}

/** Fails every run still `running` with the error `interrupted`; returns how many. */
export async function failInterruptedRuns(ctx: StoreContext): Promise<number> {
  const result = await ctx.db
    .updateTable('runs')
    .set({ status: 'failed', error: INTERRUPTED_RUN_ERROR, finished_at: ctx.now() })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
