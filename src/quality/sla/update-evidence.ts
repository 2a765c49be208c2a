import { instantMs } from './instant.js';
import type { SlaObservations } from './sla-observations.js';

/** The successful updates known from the observations, in epoch milliseconds. */
export interface UpdateEvidence {
  /** Successful run finishes and the last update, clamped to now (a clock ahead is not the future). */
  readonly updates: readonly number[];
  readonly latest?: number;
  /** The earliest run start: the run history is complete from here on. */
  readonly historyFrom?: number;
  readonly deployedAt?: number;
}

/** Collects the evidence of updates; unreadable instants are left out. */
export function updateEvidence(observations: SlaObservations, nowMs: number): UpdateEvidence {
  const updates: number[] = [];
  const last = instantMs(observations.lastUpdatedAt);
  if (last !== undefined) updates.push(Math.min(last, nowMs));
  let historyFrom: number | undefined;
  for (const run of observations.runs ?? []) {
    const started = instantMs(run.startedAt);
    if (started !== undefined && started <= nowMs) historyFrom = Math.min(historyFrom ?? started, started);
    const finished = instantMs(run.finishedAt);
    if (run.status === 'succeeded' && finished !== undefined) updates.push(Math.min(finished, nowMs));
  }
  updates.sort((a, b) => a - b);
  const latest = updates.at(-1);
  const deployedAt = instantMs(observations.deployedAt);
  return {
    updates,
    ...(latest === undefined ? {} : { latest }),
    ...(historyFrom === undefined ? {} : { historyFrom }),
    ...(deployedAt === undefined ? {} : { deployedAt }),
  };
}
