/** The value a label takes once its budget of distinct values is spent. */
export const OTHER_LABEL_VALUE = '_other';

/** The value a label takes when the caller has none (an empty product id, an unknown state). */
export const UNKNOWN_LABEL_VALUE = '_unknown';

/** Longest label value kept as is; longer ones are cut (names in a mesh are far shorter). */
export const MAX_LABEL_LENGTH = 128;

/** Distinct values a label may take by default, per metrics registry. */
export const DEFAULT_MAX_LABEL_VALUES = 2000;

/**
 * Keeps the series count of a registry bounded whatever callers pass. Product ids, port names and
 * objectives are bounded by the deployed mesh, but a bug or a mesh of surprising size must not
 * grow memory without end: each label name admits at most `maxValues` distinct values, and every
 * later one is counted under `_other` (visible, so the operator sees the budget is spent).
 */
export class LabelGuard {
  readonly #maxValues: number;
  readonly #seen = new Map<string, Set<string>>();

  constructor(maxValues: number = DEFAULT_MAX_LABEL_VALUES) {
    this.#maxValues = Math.max(1, Math.floor(maxValues));
  }

  /** The value to record for `label`: `raw` itself, cut to length, or `_other` past the budget. */
  value(label: string, raw: string): string {
    const text = raw.length > MAX_LABEL_LENGTH ? raw.slice(0, MAX_LABEL_LENGTH) : raw;
    if (text === '') return UNKNOWN_LABEL_VALUE;
    let seen = this.#seen.get(label);
    if (seen === undefined) {
      seen = new Set();
      this.#seen.set(label, seen);
    }
    if (seen.has(text)) return text;
    if (seen.size >= this.#maxValues) return OTHER_LABEL_VALUE;
    seen.add(text);
    return text;
  }
}

/** `value` when it is one of `allowed`, else `fallback`: closed label sets stay closed at run time too. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
