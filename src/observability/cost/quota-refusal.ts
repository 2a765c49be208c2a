/**
 * The refusal of work that would take a domain past a quota: a FORBIDDEN MeshplaneError (403,
 * CLI exit 2 through the one error table) whose message names the domain, the quota, the usage
 * and when it resets, with the same facts as details for tools. Pure.
 */
import { MeshplaneError } from '../../errors/index.js';
import { formatBytes, formatDuration } from './cost-units.js';
import { nextUtcMidnight } from './utc-day.js';

/** `details.reason` of every quota refusal. */
export const QUOTA_EXCEEDED = 'quota-exceeded';

/** The quota names, as mesh.yaml writes them under `domains[].quotas`. */
export type QuotaName = 'queryTimePerDay' | 'storageBytes';

/** What a refusal carries as details. */
export interface QuotaRefusalDetails {
  readonly reason: typeof QUOTA_EXCEEDED;
  readonly domain: string;
  readonly quota: QuotaName;
  readonly unit: 'ms' | 'bytes';
  readonly limit: number;
  readonly used: number;
  /** When the usage counts from 0 again; absent for storage, which is freed, not reset. */
  readonly resetsAt?: string;
}

/**
 * FORBIDDEN when the domain's query time of the current UTC day has reached its quota: a quota
 * that is used up refuses the next query, so a query is never cut off half-way.
 */
export function queryTimeRefusal(
  domain: string,
  limitMs: number,
  usedMs: number,
  now: Date,
): MeshplaneError | undefined {
  if (usedMs < limitMs) return undefined;
  const resetsAt = nextUtcMidnight(now).toISOString();
  const details: QuotaRefusalDetails = {
    reason: QUOTA_EXCEEDED,
    domain,
    quota: 'queryTimePerDay',
    unit: 'ms',
    limit: limitMs,
    used: usedMs,
    resetsAt,
  };
  return new MeshplaneError(
    'FORBIDDEN',
    `domain '${domain}' is over its query time quota: ${formatDuration(usedMs)} used of ${formatDuration(limitMs)} per day (UTC); queries reading it are refused until the quota resets at ${resetsAt}`,
    { details: { ...details } },
  );
}

/** FORBIDDEN when the domain's product files take at least its storage quota. */
export function storageRefusal(
  domain: string,
  limitBytes: number,
  usedBytes: number,
): MeshplaneError | undefined {
  if (usedBytes < limitBytes) return undefined;
  const details: QuotaRefusalDetails = {
    reason: QUOTA_EXCEEDED,
    domain,
    quota: 'storageBytes',
    unit: 'bytes',
    limit: limitBytes,
    used: usedBytes,
  };
  return new MeshplaneError(
    'FORBIDDEN',
    `domain '${domain}' is over its storage quota: ${formatBytes(usedBytes)} stored of ${formatBytes(limitBytes)}; it takes in no new data until its products use less or mesh.yaml raises domains[].quotas.storageBytes (storage does not reset with time)`,
    { details: { ...details } },
  );
}
