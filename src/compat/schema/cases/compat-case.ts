import type { Schema } from '../schema-difference.js';

/** The expected result of one direction of a case, under both rule sets. */
export interface Verdict {
  readonly strict: boolean;
  readonly lenient: boolean;
  /** The difference types reported under the strict rule set, as a set. */
  readonly types: readonly string[];
  /** The types under the lenient rule set when they differ from `types`. */
  readonly lenientTypes?: readonly string[];
}

/**
 * One schema change. `backward`: `after` reads what `before` wrote (a consumer upgraded first);
 * `forward`: `before` reads what `after` wrote (a producer upgraded first).
 */
export interface CompatCase {
  readonly name: string;
  readonly before: Schema;
  readonly after: Schema;
  readonly backward: Verdict;
  readonly forward: Verdict;
  /**
   * The equivalent case of Confluent's `diff-*-examples.json` (original = before, update = after)
   * and its `compatible` verdict, which `backward.strict` must equal.
   */
  readonly confluent?: { readonly description: string; readonly compatible: boolean };
}

export const ok = (...types: string[]): Verdict => ({ strict: true, lenient: true, types });
export const breaks = (...types: string[]): Verdict => ({ strict: false, lenient: false, types });
/** Breaks under strict only: the difference concerns property names the writer never lists. */
export const lenientOnly = (...types: string[]): Verdict => ({ strict: false, lenient: true, types });
export const underLenient = (verdict: Verdict, ...types: string[]): Verdict => ({
  ...verdict,
  lenientTypes: types,
});
