import type { JsonPath } from '../diagnostic.js';

/** A string key for a JSON path, equal for equal paths. */
export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/**
 * Answers "is there a path at or under this one?" in constant time, so that the noise reduction
 * stays linear on documents with thousands of errors. Each added path registers itself and all
 * of its ancestors.
 */
export class PathIndex {
  readonly #keys = new Set<string>();

  /** Indexes `paths`; with `strict`, only their ancestors (a path does not cover itself). */
  constructor(paths: Iterable<JsonPath> = [], strict = false) {
    for (const path of paths) this.add(path, strict);
  }

  add(path: JsonPath, strict = false): void {
    const end = strict ? path.length - 1 : path.length;
    for (let length = end; length >= 0; length--) {
      const key = pathKey(path.slice(0, length));
      // Every indexed key has its ancestors indexed too, so the rest is already there.
      if (this.#keys.has(key)) break;
      this.#keys.add(key);
    }
  }

  /** True when some indexed path is `path` or lies under it. */
  hasAtOrUnder(path: JsonPath): boolean {
    return this.#keys.has(pathKey(path));
  }
}
