import type { Obj } from './json-values.js';
import { finite } from './schema-keywords.js';

/** The tightest bound of one side of a number range, from any mix of draft-4 and later keywords. */
export interface NumericBound {
  readonly value: number;
  readonly exclusive: boolean;
  /** The keyword that makes the bound: `exclusiveMinimum` also for draft-4 `minimum` + `exclusiveMinimum: true`. */
  readonly keyword: 'minimum' | 'exclusiveMinimum' | 'maximum' | 'exclusiveMaximum';
  /** The keyword holding the number (`minimum` in the draft-4 form). */
  readonly at: string;
}

function tightest(
  bounds: readonly NumericBound[],
  tighter: (a: number, b: number) => boolean,
): NumericBound | undefined {
  let best: NumericBound | undefined;
  for (const bound of bounds) {
    if (
      best === undefined ||
      tighter(bound.value, best.value) ||
      (bound.value === best.value && bound.exclusive)
    )
      best = bound;
  }
  return best;
}

/** `minimum`, `exclusiveMinimum` (number), or `minimum` with draft-4 `exclusiveMinimum: true`. */
export function lowerBound(s: Obj): NumericBound | undefined {
  const bounds: NumericBound[] = [];
  const minimum = finite(s.minimum);
  if (minimum !== undefined) {
    const draft4 = s.exclusiveMinimum === true;
    const keyword = draft4 ? 'exclusiveMinimum' : 'minimum';
    bounds.push({ value: minimum, exclusive: draft4, keyword, at: 'minimum' });
  }
  const exclusive = finite(s.exclusiveMinimum);
  if (exclusive !== undefined)
    bounds.push({ value: exclusive, exclusive: true, keyword: 'exclusiveMinimum', at: 'exclusiveMinimum' });
  return tightest(bounds, (a, b) => a > b);
}

/** `maximum`, `exclusiveMaximum` (number), or `maximum` with draft-4 `exclusiveMaximum: true`. */
export function upperBound(s: Obj): NumericBound | undefined {
  const bounds: NumericBound[] = [];
  const maximum = finite(s.maximum);
  if (maximum !== undefined) {
    const draft4 = s.exclusiveMaximum === true;
    const keyword = draft4 ? 'exclusiveMaximum' : 'maximum';
    bounds.push({ value: maximum, exclusive: draft4, keyword, at: 'maximum' });
  }
  const exclusive = finite(s.exclusiveMaximum);
  if (exclusive !== undefined)
    bounds.push({ value: exclusive, exclusive: true, keyword: 'exclusiveMaximum', at: 'exclusiveMaximum' });
  return tightest(bounds, (a, b) => a < b);
}
