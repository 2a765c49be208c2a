/**
 * SLA adherence: the share of a window an objective (or a product, through `combineTimelines`)
 * was met. Time in `unknown` is reported apart and left out of the share: missing evidence
 * neither helps nor hurts, and `coverage` says how much of the window was known at all.
 */
import { MeshplaneError } from '../../errors/index.js';
import { instantMs, isoOf } from './instant.js';
import type { SlaState } from './sla-evaluation.js';
import { type StateChange, type TimedState, timed } from './state-timeline.js';

export interface Adherence {
  readonly from: string;
  readonly to: string;
  readonly metSeconds: number;
  readonly breachedSeconds: number;
  readonly unknownSeconds: number;
  /** met / (met + breached), 0..1; undefined when no time in the window was known. */
  readonly adherence?: number;
  /** (met + breached) / window, 0..1. */
  readonly coverage: number;
  /** Changes left out because their time or state was unreadable. */
  readonly skipped: number;
}

/** The rolling windows adherence is reported over, in seconds. */
export const ADHERENCE_WINDOWS = { day: 86_400, week: 604_800, days30: 2_592_000 } as const;
export type AdherenceWindowName = keyof typeof ADHERENCE_WINDOWS;

/** Seconds spent in each state within [fromMs, toMs]; the state at fromMs is the last change at or before it. */
export function timeInStates(
  states: readonly TimedState[],
  fromMs: number,
  toMs: number,
): Record<SlaState, number> {
  const spent: Record<SlaState, number> = { met: 0, breached: 0, unknown: 0 };
  let state: SlaState = 'unknown';
  let since = fromMs;
  for (const change of states) {
    if (change.ms <= fromMs) {
      state = change.state;
      continue;
    }
    if (change.ms >= toMs) break;
    spent[state] += (change.ms - since) / 1000;
    state = change.state;
    since = change.ms;
  }
  spent[state] += (toMs - since) / 1000;
  return spent;
}

/** Adherence over the window [from, to] (ISO instants, `from` before `to`). */
export function adherence(
  changes: readonly StateChange[],
  window: { readonly from: string; readonly to: string },
): Adherence {
  const fromMs = instantMs(window.from);
  const toMs = instantMs(window.to);
  if (fromMs === undefined || toMs === undefined || toMs <= fromMs) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `an adherence window needs two ISO instants with a zone, from before to; got ${window.from} .. ${window.to}`,
    );
  }
  const { states, skipped } = timed(changes);
  const spent = timeInStates(states, fromMs, toMs);
  const known = spent.met + spent.breached;
  return {
    from: isoOf(fromMs),
    to: isoOf(toMs),
    metSeconds: spent.met,
    breachedSeconds: spent.breached,
    unknownSeconds: spent.unknown,
    ...(known > 0 ? { adherence: spent.met / known } : {}),
    coverage: known / ((toMs - fromMs) / 1000),
    skipped,
  };
}

/** Adherence over the last day, week and 30 days before `now`. */
export function adherenceWindows(
  changes: readonly StateChange[],
  now: string,
): Record<AdherenceWindowName, Adherence> {
  const nowMs = instantMs(now);
  if (nowMs === undefined)
    throw new MeshplaneError('INVALID_INPUT', `now must be an ISO instant with a zone, got ${now}`);
  const over = (seconds: number) =>
    adherence(changes, { from: isoOf(nowMs - seconds * 1000), to: isoOf(nowMs) });
  return {
    day: over(ADHERENCE_WINDOWS.day),
    week: over(ADHERENCE_WINDOWS.week),
    days30: over(ADHERENCE_WINDOWS.days30),
  };
}
