/**
 * Bounds on what enters an incident: keys, actors and details come from monitors and from API
 * callers, so they are checked and clipped here, once.
 */
import { instantMs, isoOf } from '../sla/instant.js';
import type { ConditionKey, IncidentDetails, IncidentRejection } from './incident.js';

const MAX_NAME = 200;
const MAX_MESSAGE = 2_000;
const MAX_FACTS = 20;
const MAX_FACT_KEY = 100;
const MAX_FACT_TEXT = 500;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export const invalid = (message: string): IncidentRejection => ({ code: 'INVALID_INPUT', message });

/** The instant normalized to `toISOString`, or a rejection. */
export function checkedAt(at: unknown): { at: string; ms: number } | IncidentRejection {
  const ms = typeof at === 'string' ? instantMs(at) : undefined;
  return ms === undefined
    ? invalid(`'at' must be an ISO 8601 instant with a zone, got ${JSON.stringify(at)}`)
    : { at: isoOf(ms), ms };
}

/** A non-empty name of at most 200 characters, or why not. */
export function nameProblem(what: string, value: unknown): IncidentRejection | undefined {
  if (typeof value !== 'string' || value.trim() === '') return invalid(`${what} must be a non-empty string`);
  if (value.length > MAX_NAME) return invalid(`${what} must be at most ${MAX_NAME} characters`);
  return undefined;
}

export function keyProblem(key: ConditionKey | undefined): IncidentRejection | undefined {
  if (key === undefined || typeof key !== 'object')
    return invalid('the condition key must have product, monitor and subject');
  return (
    nameProblem('key.product', key.product) ??
    nameProblem('key.monitor', key.monitor) ??
    nameProblem('key.subject', key.subject)
  );
}

/** Details clipped to their bounds; a default sentence when none were given. */
export function boundedDetails(details: IncidentDetails | undefined, fallback: string): IncidentDetails {
  const message = clip(
    typeof details?.message === 'string' && details.message !== '' ? details.message : fallback,
    MAX_MESSAGE,
  );
  const entries = Object.entries(details?.facts ?? {})
    .filter(
      ([, v]) =>
        typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)),
    )
    .slice(0, MAX_FACTS)
    .map(([k, v]) => [clip(k, MAX_FACT_KEY), typeof v === 'string' ? clip(v, MAX_FACT_TEXT) : v] as const);
  return entries.length === 0 ? { message } : { message, facts: Object.fromEntries(entries) };
}
