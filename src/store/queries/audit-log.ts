/**
 * The audit log: appended in a write transaction that first locks the chain's head row, so
 * appenders in any process take turns and each chains onto the last committed event (the deploy
 * journal's row-lock pattern). Read newest first; verified from the first event on.
 */
import { MeshplaneError } from '../../errors/index.js';
import { requireLimit, requireText } from '../input-checks.js';
import { type AuditLink, brokenLink, chainAuditEvents } from '../mapping/audit-chain.js';
import { auditEventFromRow, auditEventToRow } from '../mapping/audit-rows.js';
import {
  AUDIT_GENESIS_HASH,
  type AuditEvent,
  type AuditFilter,
  type AuditInput,
  type AuditVerification,
} from '../model/audit-model.js';
import type { StoreContext } from '../store-context.js';

/** Events read per query while verifying, so a long log is never held in memory at once. */
const VERIFY_PAGE = 1_000;

/** Locks the head row (a no-op update) and reads it. */
async function lockHead(ctx: StoreContext): Promise<AuditLink> {
  await ctx.db
    .updateTable('audit_head')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', 1)
    .execute();
  return readHead(ctx);
}

async function readHead(ctx: StoreContext): Promise<AuditLink> {
  const head = await ctx.db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head === undefined) throw new MeshplaneError('INTERNAL', 'the audit log has no head row');
  return { seq: Number(head.seq), hash: head.hash };
}

/**
 * Appends events through `ctx.db`, which must be a transaction (the store's own, or a deploy's):
 * the head stays locked until it commits. Returns the events as stored.
 */
export async function appendAuditIn(ctx: StoreContext, inputs: readonly AuditInput[]): Promise<AuditEvent[]> {
  for (const e of inputs) {
    requireText(e.actor, 'audit actor');
    requireText(e.action, 'audit action');
    requireText(e.subject, 'audit subject');
  }
  if (inputs.length === 0) return [];
  const head = await lockHead(ctx);
  const events = chainAuditEvents(head, inputs, ctx.now());
  await ctx.db.insertInto('audit_events').values(events.map(auditEventToRow)).execute();
  const last = events.at(-1) as AuditEvent;
  await ctx.db
    .updateTable('audit_head')
    .set({ seq: last.seq, hash: last.hash })
    .where('id', '=', 1)
    .execute();
  return events;
}

/** Appends events in one transaction. */
export function appendAudit(ctx: StoreContext, inputs: readonly AuditInput[]): Promise<AuditEvent[]> {
  return ctx.db.transaction().execute((trx) => appendAuditIn({ ...ctx, db: trx }, inputs));
}

/** Events newest first, about one subject if asked. */
export async function listAudit(ctx: StoreContext, filter: AuditFilter): Promise<AuditEvent[]> {
  let query = ctx.db.selectFrom('audit_events').selectAll();
  if (filter.subject !== undefined) query = query.where('subject', '=', filter.subject);
  const rows = await query.orderBy('seq', 'desc').limit(requireLimit(filter.limit)).execute();
  return rows.map(auditEventFromRow);
}

/**
 * Walks the chain from seq 1 to the head: every event must follow the one before (seq, prev_hash)
 * and hash to its stored hash, and the last must be the head, so removing the newest events shows
 * too. The head is read first and events past it are left out: the head and its events commit
 * together, so appends during the walk neither hide a break nor look like one.
 */
export async function verifyAudit(ctx: StoreContext): Promise<AuditVerification> {
  const head = await readHead(ctx);
  let prev: AuditLink = { seq: 0, hash: AUDIT_GENESIS_HASH };
  for (;;) {
    const rows = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', prev.seq)
      .where('seq', '<=', head.seq)
      .orderBy('seq')
      .limit(VERIFY_PAGE)
      .execute();
    for (const row of rows) {
      const event = auditEventFromRow(row);
      const reason = brokenLink(prev, event);
      if (reason !== undefined) return { ok: false, seq: event.seq, reason };
      prev = { seq: event.seq, hash: event.hash };
    }
    if (rows.length < VERIFY_PAGE) break;
  }
  if (prev.seq !== head.seq) {
    return {
      ok: false,
      seq: prev.seq + 1,
      reason: `the log ends at seq ${prev.seq} but its head is seq ${head.seq}: events are missing`,
    };
  }
  if (prev.hash !== head.hash) {
    return { ok: false, seq: prev.seq, reason: 'the hash of the last event does not match the head' };
  }
  return { ok: true, count: prev.seq };
}
