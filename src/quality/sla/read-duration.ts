import { durationSeconds } from '../../compat/contract/sla-measure.js';

/** A duration read from an SLA value and unit, or why it cannot be read. */
export type DurationReading = { readonly seconds: number } | { readonly error: string };

const UNITS_HINT = 'use s, m/min, h, d/day/days, w, mo, y/yr/years';

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

/**
 * A positive duration in seconds. The unit comes from `unit` (ODCS), or from the value itself
 * when no unit is given (`"4d"`, `"30 min"`, as importers and hand-written contracts produce).
 * Unit spellings are compat/contract's, so a diff and a monitor read a contract the same way
 * (`m` is minutes, a month 30 days, a year 365 days).
 */
export function readDuration(value: unknown, unit: string | undefined): DurationReading {
  let seconds: number | undefined;
  if (unit !== undefined) {
    seconds = durationSeconds(value, unit);
    if (seconds === undefined) {
      if (durationSeconds(value, 's') === undefined) return { error: `value ${show(value)} is not a number` };
      return { error: `unit '${unit}' is not a duration unit (${UNITS_HINT})` };
    }
  } else {
    const split = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(value) : null;
    if (split === null) return { error: `value ${show(value)} needs a unit (${UNITS_HINT})` };
    seconds = durationSeconds(split[1], split[2]);
    if (seconds === undefined) return { error: `unit '${split[2]}' is not a duration unit (${UNITS_HINT})` };
  }
  if (!(seconds > 0)) return { error: `a duration must be positive, got ${show(value)}` };
  return { seconds };
}
