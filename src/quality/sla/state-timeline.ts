/**
 * How an objective's state went over time: a list of changes, each state holding until the next.
 * Before the first change the state is `unknown`. This is the shape to store per objective (one
 * row per change, see `stateChange`), and what adherence is computed from.
 */
import { MeshplaneError } from '../../errors/index.js';
import { instantMs, isoOf } from './instant.js';
import type { SlaEvaluation, SlaState } from './sla-evaluation.js';

/** From `at` on, the objective was in `state`. */
export interface StateChange {
  readonly at: string;
  readonly state: SlaState;
}

/** A change in epoch milliseconds, sorted and collapsed: what the computations work on. */
export interface TimedState {
  readonly ms: number;
  readonly state: SlaState;
}

const STATES: ReadonlySet<string> = new Set(['met', 'breached', 'unknown']);

/**
 * Sorted by time (stable), unreadable entries left out (counted in `skipped`), several changes
 * at one instant reduced to the last, a change to the state already in force dropped.
 */
export function timed(changes: readonly StateChange[]): { states: TimedState[]; skipped: number } {
  const read: TimedState[] = [];
  let skipped = 0;
  for (const change of changes) {
    const ms = instantMs(change.at);
    if (ms === undefined || !STATES.has(change.state)) skipped += 1;
    else read.push({ ms, state: change.state });
  }
  read.sort((a, b) => a.ms - b.ms);
  return { states: collapse(read), skipped };
}

/** Drops entries overridden at the same instant and entries that change nothing. */
export function collapse(sorted: readonly TimedState[]): TimedState[] {
  const out: TimedState[] = [];
  for (const entry of sorted) {
    if (out.at(-1)?.ms === entry.ms) out.pop();
    if (out.at(-1)?.state !== entry.state) out.push(entry);
  }
  return out;
}

export const asChanges = (states: readonly TimedState[]): StateChange[] =>
  states.map((s) => ({ at: isoOf(s.ms), state: s.state }));

/**
 * The change to record after `evaluation`, given the state last recorded for its objective;
 * undefined when the state did not change. Recording only changes keeps history small.
 */
export function stateChange(
  previous: SlaState | undefined,
  evaluation: SlaEvaluation,
): StateChange | undefined {
  return previous === evaluation.state ? undefined : { at: evaluation.at, state: evaluation.state };
}

/**
 * A timeline from point samples (periodic evaluations, probes): each sample's state holds until
 * the next one, or for at most `staleAfterSeconds` when given, after which the state is `unknown`
 * (a monitor that stopped reporting proves nothing).
 */
export function timelineFromSamples(
  samples: readonly StateChange[],
  options: { readonly staleAfterSeconds?: number } = {},
): StateChange[] {
  const { staleAfterSeconds } = options;
  if (staleAfterSeconds !== undefined && !(staleAfterSeconds > 0)) {
    throw new MeshplaneError('INVALID_INPUT', `staleAfterSeconds must be positive, got ${staleAfterSeconds}`);
  }
  const read: TimedState[] = [];
  for (const sample of samples) {
    const ms = instantMs(sample.at);
    if (ms !== undefined && STATES.has(sample.state)) read.push({ ms, state: sample.state });
  }
  read.sort((a, b) => a.ms - b.ms);
  if (staleAfterSeconds === undefined) return asChanges(collapse(read));
  const out: TimedState[] = [];
  read.forEach((sample, i) => {
    out.push(sample);
    const staleAt = sample.ms + staleAfterSeconds * 1000;
    const next = read[i + 1];
    if (next === undefined || next.ms > staleAt) out.push({ ms: staleAt, state: 'unknown' });
  });
  return asChanges(collapse(out));
}

const RANK: Readonly<Record<SlaState, number>> = { met: 0, unknown: 1, breached: 2 };

/**
 * One timeline for several objectives (a product's): breached while any is breached, else unknown
 * while any is unknown, else met. With no timelines at all the result is empty (unknown throughout).
 */
export function combineTimelines(timelines: readonly (readonly StateChange[])[]): StateChange[] {
  if (timelines.length === 0) return [];
  const each = timelines.map((t) => timed(t).states);
  const instants = [...new Set(each.flatMap((t) => t.map((s) => s.ms)))].sort((a, b) => a - b);
  const cursor = each.map(() => -1);
  const out: TimedState[] = [];
  for (const ms of instants) {
    let worst: SlaState = 'met';
    each.forEach((timeline, i) => {
      let at = cursor[i] ?? -1;
      while (at + 1 < timeline.length && (timeline[at + 1]?.ms ?? Number.POSITIVE_INFINITY) <= ms) at += 1;
      cursor[i] = at;
      const state = timeline[at]?.state ?? 'unknown';
      if (RANK[state] > RANK[worst]) worst = state;
    });
    out.push({ ms, state: worst });
  }
  return asChanges(collapse(out));
}
