import type { Diagnostic, JsonPath, Position } from '../diagnostic.js';

/** Maps JSON paths of a parsed document back to where they stand in the source text. */
export interface SourceMap {
  /**
   * The position of the node at `path`. `target: 'key'` gives the position of the mapping key
   * that holds the last path segment (for "unknown property" findings). A path that does not
   * exist resolves to its deepest existing ancestor, so every finding gets a real location.
   */
  locate(path: JsonPath, target?: 'value' | 'key'): Position;
}

/** The result of reading one file: never throws, even for hostile input. */
export interface LoadedDocument {
  readonly file: string;
  readonly format: 'yaml' | 'json';
  /** The decoded text, or undefined when the bytes were refused (too large, binary, bad UTF-8). */
  readonly text: string | undefined;
  /** The plain JSON-compatible value (YAML dates stay strings), or undefined when unusable. */
  readonly value: unknown;
  readonly sourceMap: SourceMap;
  /** Findings from reading and parsing (codes file-*, syntax-error, duplicate-key, ...). */
  readonly diagnostics: readonly Diagnostic[];
}
