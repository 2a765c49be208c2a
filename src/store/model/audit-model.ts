/** The audit log: append-only and hash-chained, so an edit or a deletion shows. */

/** The `prevHash` of the first event: 64 zeros. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** An event to append; the store gives it its seq and time. */
export interface AuditInput {
  /** Who did it: a user, a service account, or `system`. */
  readonly actor: string;
  /** What was done, e.g. `contract.deprecate`. */
  readonly action: string;
  /** What it was done to, e.g. `sales.orders/orders`. */
  readonly subject: string;
  /** Anything JSON can hold. */
  readonly details?: unknown;
}

/**
 * A stored event. `hash` is the hex SHA-256 of `prevHash` followed by the canonical JSON of
 * `{seq, at, actor, action, subject, details}` (details `null` when absent).
 */
export interface AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details?: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** Narrows `listAudit`. */
export interface AuditFilter {
  readonly subject?: string;
  readonly limit: number;
}

/** The outcome of `verifyAudit`: how many events chain correctly, or the first that does not and why. */
export type AuditVerification =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly seq: number; readonly reason: string };
