/** Quality history: check runs recorded (bounded per port version), listed, and the latest per port. */
import { MeshplaneError } from '../../errors/index.js';
import { requireCount, requireDate, requireLimit, requireOneOf, requireText } from '../input-checks.js';
import { qualityRowFromInput, qualityRunFromRow } from '../mapping/quality-rows.js';
import {
  DEFAULT_QUALITY_HISTORY,
  QUALITY_STATES,
  QUALITY_TRIGGERS,
  type QualityRun,
  type QualityRunFilter,
  type QualityRunInput,
} from '../model/quality-model.js';
import type { StoreContext } from '../store-context.js';

function checkInput(input: QualityRunInput): void {
  requireText(input.productId, 'productId');
  requireText(input.port, 'port');
  requireCount(input.major, 'major');
  requireText(input.version, 'version');
  if (input.runId !== undefined) requireText(input.runId, 'runId');
  requireOneOf(input.trigger, QUALITY_TRIGGERS, 'trigger');
  requireOneOf(input.state, QUALITY_STATES, 'state');
  requireDate(input.startedAt, 'startedAt');
  requireDate(input.finishedAt, 'finishedAt');
  requireCount(input.counts?.passed, 'counts.passed');
  requireCount(input.counts?.failed, 'counts.failed');
  requireCount(input.counts?.notRun, 'counts.notRun');
  requireCount(input.counts?.error, 'counts.error');
  if (!Array.isArray(input.results) || !Array.isArray(input.samples))
    throw new MeshplaneError('INVALID_INPUT', 'results and samples must be arrays');
}

/**
 * Records a check run and, in the same transaction, drops the oldest runs of its port version
 * past the newest `keep` (default 500), so the history stays bounded whoever writes.
 */
export async function recordQualityRun(
  ctx: StoreContext,
  input: QualityRunInput,
  keep: number = DEFAULT_QUALITY_HISTORY,
): Promise<QualityRun> {
  checkInput(input);
  const limit = requireLimit(keep);
  const row = qualityRowFromInput(ctx.newId(), input);
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await trx.insertInto('quality_runs').values(row).returningAll().executeTakeFirstOrThrow();
    await trx
      .deleteFrom('quality_runs')
      .where('product_id', '=', input.productId)
      .where('port', '=', input.port)
      .where('major', '=', input.major)
      .where('id', 'not in', (eb) =>
        eb
          .selectFrom('quality_runs')
          .select('id')
          .where('product_id', '=', input.productId)
          .where('port', '=', input.port)
          .where('major', '=', input.major)
          .orderBy('started_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit),
      )
      .execute();
    return qualityRunFromRow(stored);
  });
}

/** Check runs of a product (of one port, major or pipeline run if asked), newest first. */
export async function listQualityRuns(ctx: StoreContext, filter: QualityRunFilter): Promise<QualityRun[]> {
  let query = ctx.db
    .selectFrom('quality_runs')
    .selectAll()
    .where('product_id', '=', requireText(filter.productId, 'productId'));
  if (filter.port !== undefined) query = query.where('port', '=', filter.port);
  if (filter.major !== undefined) query = query.where('major', '=', requireCount(filter.major, 'major'));
  if (filter.runId !== undefined) query = query.where('run_id', '=', filter.runId);
  const rows = await query
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(requireLimit(filter.limit))
    .execute();
  return rows.map(qualityRunFromRow);
}

/** The newest check run of each (port, major) of a product, by port and major. */
export async function latestQualityRuns(ctx: StoreContext, productId: string): Promise<QualityRun[]> {
  const rows = await ctx.db
    .selectFrom('quality_runs as q')
    .selectAll('q')
    .where('q.product_id', '=', requireText(productId, 'productId'))
    .where('q.id', '=', (eb) =>
      eb
        .selectFrom('quality_runs as newer')
        .select('newer.id')
        .whereRef('newer.product_id', '=', 'q.product_id')
        .whereRef('newer.port', '=', 'q.port')
        .whereRef('newer.major', '=', 'q.major')
        .orderBy('newer.started_at', 'desc')
        .orderBy('newer.id', 'desc')
        .limit(1),
    )
    .orderBy('q.port')
    .orderBy('q.major')
    .execute();
  return rows.map(qualityRunFromRow);
}
