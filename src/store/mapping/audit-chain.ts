/**
 * The audit log's hash chain. Pure (hashing only): each event's hash covers the previous hash and
 * the event's canonical JSON, so changing, inserting or removing an event breaks every later link.
 */
import { createHash } from 'node:crypto';
import type { AuditEvent, AuditInput } from '../model/audit-model.js';
import { fromJsonText, toJsonText } from './json-text.js';

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth and no whitespace, so equal
 * values always give equal text. Members whose value is undefined are left out and non-finite
 * numbers become null, as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What an event's hash covers besides the previous hash. */
export interface AuditContent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** `null` when the event has no details. */
  readonly details: unknown;
}

/** hex SHA-256 of `prevHash` followed by the canonical JSON of the content. */
export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

/** The chain's last link: seq 0 and the genesis hash before the first event. */
export interface AuditLink {
  readonly seq: number;
  readonly hash: string;
}

/**
 * New events chained after `head`, numbered from `head.seq + 1`, all at `at`. Details go through
 * JSON first, so the hash covers exactly what is stored and read back (INVALID_INPUT for details
 * JSON cannot hold).
 */
export function chainAuditEvents(head: AuditLink, inputs: readonly AuditInput[], at: string): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prev = head;
  for (const input of inputs) {
    const details =
      input.details === undefined
        ? null
        : fromJsonText(toJsonText(input.details, `details of audit event ${input.action}`), 'audit details');
    const content = {
      seq: prev.seq + 1,
      at,
      actor: input.actor,
      action: input.action,
      subject: input.subject,
      details,
    };
    const hash = auditHash(prev.hash, content);
    events.push({
      seq: content.seq,
      at,
      actor: input.actor,
      action: input.action,
      subject: input.subject,
      ...(details === null ? {} : { details }),
      prevHash: prev.hash,
      hash,
    });
    prev = { seq: content.seq, hash };
  }
  return events;
}

/** Why `event` does not follow `prev` in the chain, or undefined when it does. */
export function brokenLink(prev: AuditLink, event: AuditEvent): string | undefined {
  if (event.seq !== prev.seq + 1)
    return `expected seq ${prev.seq + 1} after seq ${prev.seq}, found ${event.seq}`;
  if (event.prevHash !== prev.hash) return `prev_hash does not match the hash of seq ${prev.seq}`;
  const content = {
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    action: event.action,
    subject: event.subject,
    details: event.details ?? null,
  };
  if (auditHash(event.prevHash, content) !== event.hash) return 'hash does not match the event content';
  return undefined;
}
