/**
 * SLA state changes: one row each time an objective's state changes, so history stays small
 * (a steady objective writes nothing). Adherence reads a window of them plus each objective's
 * state at the window's start. Changes older than 90 days are pruned, except the one in force
 * at the cutoff, so the state at any instant since then can still be told.
 */
import { requireOneOf, requireText } from '../input-checks.js';
import { slaStateChangeFromRow, slaStateChangeToRow } from '../mapping/monitoring-rows.js';
import {
  SLA_OBJECTIVE_STATES,
  type SlaStateChangeFilter,
  type SlaStateChangeInput,
  type SlaStateChangeRecord,
} from '../model/monitoring-model.js';
import type { StoreContext } from '../store-context.js';
import { instantBefore, requireInstant } from './monitoring-input.js';

/** How long changes are kept (beyond the one in force at the cutoff). */
export const SLA_HISTORY_MS = 90 * 86_400_000;

const MAX_MESSAGE = 2_000;

type Objective = Pick<SlaStateChangeInput, 'productId' | 'port' | 'objectiveId'>;

/** Deletes the objective's changes before the cutoff that a later change before the cutoff replaced. */
async function prune(ctx: StoreContext, objective: Objective, cutoff: string): Promise<void> {
  await ctx.db
    .deleteFrom('sla_state_changes')
    .where('product_id', '=', objective.productId)
    .where('port', '=', objective.port)
    .where('objective_id', '=', objective.objectiveId)
    .where('at', '<', cutoff)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('sla_state_changes as n')
          .select('n.id')
          .where('n.product_id', '=', objective.productId)
          .where('n.port', '=', objective.port)
          .where('n.objective_id', '=', objective.objectiveId)
          .where('n.at', '<=', cutoff)
          .whereRef('n.at', '>', 'sla_state_changes.at'),
      ),
    )
    .execute();
}

/** Writes the changes in one transaction and prunes the history of the objectives they touch. */
export async function recordSlaStateChanges(
  ctx: StoreContext,
  list: readonly SlaStateChangeInput[],
): Promise<void> {
  const rows = list.map((c) => {
    requireText(c.productId, 'productId');
    requireText(c.port, 'port');
    requireText(c.objectiveId, 'objectiveId');
    requireText(c.kind, 'kind');
    requireOneOf(c.state, SLA_OBJECTIVE_STATES, 'state');
    const message = typeof c.message === 'string' ? c.message.slice(0, MAX_MESSAGE) : '';
    return slaStateChangeToRow({ ...c, message }, ctx.newId(), requireInstant(c.at, 'at'));
  });
  if (rows.length === 0) return;
  const cutoff = instantBefore(ctx.now(), SLA_HISTORY_MS);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('sla_state_changes').values(rows).execute();
    const touched = new Map(list.map((c) => [`${c.productId}\u0000${c.port}\u0000${c.objectiveId}`, c]));
    for (const objective of touched.values()) await prune({ ...ctx, db: trx }, objective, cutoff);
  });
}

/** The latest change of every objective of a product (its current recorded state), by port and objective. */
export async function latestSlaStates(ctx: StoreContext, productId: string): Promise<SlaStateChangeRecord[]> {
  const rows = await ctx.db
    .selectFrom('sla_state_changes as s')
    .selectAll('s')
    .where('s.product_id', '=', productId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('sla_state_changes as n')
            .select('n.id')
            .whereRef('n.product_id', '=', 's.product_id')
            .whereRef('n.port', '=', 's.port')
            .whereRef('n.objective_id', '=', 's.objective_id')
            .where((o) =>
              o.or([
                o('n.at', '>', o.ref('s.at')),
                o.and([o('n.at', '=', o.ref('s.at')), o('n.id', '>', o.ref('s.id'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('s.port')
    .orderBy('s.objective_id')
    .execute();
  return rows.map(slaStateChangeFromRow);
}

/**
 * A product's changes after `since` and, per objective, its last change at or before `since`
 * (the state in force when the window opens), oldest first.
 */
export async function listSlaStateChanges(
  ctx: StoreContext,
  filter: SlaStateChangeFilter,
): Promise<SlaStateChangeRecord[]> {
  const since = requireInstant(filter.since, 'since');
  let within = ctx.db
    .selectFrom('sla_state_changes')
    .selectAll()
    .where('product_id', '=', filter.productId)
    .where('at', '>', since);
  let before = ctx.db
    .selectFrom('sla_state_changes as s')
    .selectAll('s')
    .where('s.product_id', '=', filter.productId)
    .where('s.at', '<=', since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('sla_state_changes as n')
            .select('n.id')
            .whereRef('n.product_id', '=', 's.product_id')
            .whereRef('n.port', '=', 's.port')
            .whereRef('n.objective_id', '=', 's.objective_id')
            .where('n.at', '<=', since)
            .where((o) =>
              o.or([
                o('n.at', '>', o.ref('s.at')),
                o.and([o('n.at', '=', o.ref('s.at')), o('n.id', '>', o.ref('s.id'))]),
              ]),
            ),
        ),
      ),
    );
  if (filter.port !== undefined) {
    within = within.where('port', '=', filter.port);
    before = before.where('s.port', '=', filter.port);
  }
  const rows = [...(await before.execute()), ...(await within.execute())];
  rows.sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1));
  return rows.map(slaStateChangeFromRow);
}
