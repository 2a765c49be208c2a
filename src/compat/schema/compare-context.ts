import type { RuleSet } from './compatibility-mode.js';
import { type DifferenceType, isCompatibleType } from './difference-types.js';
import type { SchemaDocument } from './schema-document.js';

/** A difference before the rule set is applied; `path` is relative to the pair compared (`''`: its root). */
export interface Found {
  readonly type: DifferenceType;
  readonly path: string;
  readonly message: string;
}

/** The documents the reader's and the writer's schemas come from (swapped under `not`). */
export interface Sides {
  readonly reader: SchemaDocument;
  readonly writer: SchemaDocument;
}

/** Can `reader` read every value valid against `writer`? Returns what differs. */
export type CompareFn = (reader: unknown, writer: unknown, sides: Sides) => readonly Found[];

/** State shared by one comparison: rule set, memo of pairs, bounds, stable synthetic schemas. */
export interface CompareContext {
  readonly ruleSet: RuleSet;
  readonly compare: CompareFn;
  /** A stable number per object, for memo keys. */
  idOf(value: unknown): number;
  /** The schema built once per key, so synthetic schemas keep one identity (memo, cycles). */
  synthetic<T>(key: string, make: () => T): T;
}

export function found(type: DifferenceType, path: string, message: string): Found {
  return { type, path, message };
}

export function rebase(prefix: string, diffs: readonly Found[]): Found[] {
  if (diffs.length === 0) return [];
  return prefix === '' ? [...diffs] : diffs.map((d) => ({ ...d, path: prefix + d.path }));
}

/** Whether any difference breaks compatibility under the context's rule set. */
export function breaks(ctx: CompareContext, diffs: readonly Found[]): boolean {
  return diffs.some((d) => !isCompatibleType(d.type, ctx.ruleSet));
}

export function countBreaking(ctx: CompareContext, diffs: readonly Found[]): number {
  return diffs.filter((d) => !isCompatibleType(d.type, ctx.ruleSet)).length;
}

export function flip(sides: Sides): Sides {
  return { reader: sides.writer, writer: sides.reader };
}

/** Drops repeated differences (same type, path and message), keeping the first. */
export function dedupe(diffs: readonly Found[]): Found[] {
  const seen = new Set<string>();
  return diffs.filter((d) => {
    const key = `${d.type}\u0000${d.path}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
