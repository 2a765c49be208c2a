/** Bounds applied to every document before and while it is parsed. */
export interface LoadLimits {
  /** Largest accepted file, in bytes. */
  readonly maxBytes: number;
  /** Most alias dereferences allowed while building the value (YAML billion-laughs guard). */
  readonly maxAliasCount: number;
  /** Deepest nesting of collections accepted. */
  readonly maxDepth: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  maxAliasCount: 100,
  maxDepth: 64,
});
