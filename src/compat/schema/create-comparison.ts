import { compareBase } from './compare-base.js';
import { type CompareContext, dedupe, type Found, found, rebase, type Sides } from './compare-context.js';
import { compareReaderParts } from './compare-reader-parts.js';
import type { RuleSet } from './compatibility-mode.js';
import { isObj, type Obj } from './json-values.js';
import { mergeWriterSchemas } from './merge-writer-schemas.js';
import { resolveSchema } from './resolve-schema.js';
import { acceptsEverything, hasCombinators, nonEmptyList, sumKeyword } from './schema-keywords.js';
import { writerBranches } from './writer-alternatives.js';

/** Nested comparisons deeper than this are not followed (recursion is caught earlier by the memo). */
const MAX_DEPTH = 200;
/** Pairs compared in one call at most: bounds the cross products of combinators. */
const MAX_STEPS = 200_000;
const EMPTY: Obj = Object.freeze({});

export interface Comparison {
  readonly ctx: CompareContext;
  /** Whether a bound was hit: the result is then incomplete and must not pass. */
  limitReached(): boolean;
}

export const LIMIT_MESSAGE =
  'The schemas are too deep or too large to compare completely, so compatibility cannot be confirmed.';

/**
 * The state of one comparison. Each (reader, writer) pair of schema objects is compared once and
 * remembered; a pair met again while it is still being compared is a recursive schema reaching
 * itself and counts as compatible there, which is what lets recursive schemas terminate.
 */
export function createComparison(ruleSet: RuleSet): Comparison {
  const ids = new WeakMap<object, number>();
  let nextId = 3;
  const synthetics = new Map<string, unknown>();
  const memo = new Map<string, readonly Found[]>();
  const inProgress = new Set<string>();
  let depth = 0;
  let steps = 0;
  let limit = false;

  const idOf = (value: unknown): number => {
    if (value === true) return 1;
    if (value === false) return 2;
    if (typeof value !== 'object' || value === null) return 0;
    let id = ids.get(value);
    if (id === undefined) {
      id = nextId++;
      ids.set(value, id);
    }
    return id;
  };

  const ctx: CompareContext = {
    ruleSet,
    idOf,
    synthetic<T>(key: string, make: () => T): T {
      if (synthetics.has(key)) return synthetics.get(key) as T;
      const value = make();
      synthetics.set(key, value);
      return value;
    },
    compare(reader: unknown, writer: unknown, sides: Sides): readonly Found[] {
      const r = resolveSchema(ctx, reader, sides.reader);
      const w = resolveSchema(ctx, writer, sides.writer);
      if ('unresolved' in r) {
        if ('unresolved' in w && w.unresolved === r.unresolved) return [];
        return [
          found('REFERENCE_UNRESOLVED', '', `The reader's reference "${r.unresolved}" cannot be resolved.`),
        ];
      }
      if (acceptsEverything(r.schema)) return [];
      if ('unresolved' in w)
        return [
          found('REFERENCE_UNRESOLVED', '', `The writer's reference "${w.unresolved}" cannot be resolved.`),
        ];
      if (w.schema === false) return [];
      if (!isObj(r.schema))
        return [found('TYPE_CHANGED', '', 'The reader accepts no value here, but the writer writes values.')];
      const ro = r.schema;
      const wo = isObj(w.schema) ? w.schema : EMPTY;
      // One schema of one document reads whatever it wrote.
      if (ro === wo && sides.reader === sides.writer) return [];
      const key = `${idOf(ro)}:${idOf(wo)}:${sides.reader.id}:${sides.writer.id}`;
      const cached = memo.get(key);
      if (cached !== undefined) return cached;
      if (inProgress.has(key)) return [];
      if (limit || depth >= MAX_DEPTH || ++steps > MAX_STEPS) {
        limit = true;
        return [found('ANALYSIS_LIMIT_REACHED', '', LIMIT_MESSAGE)];
      }
      inProgress.add(key);
      depth++;
      try {
        const result = dedupe(dispatch(ctx, ro, wo, sides));
        memo.set(key, result);
        return result;
      } finally {
        depth--;
        inProgress.delete(key);
      }
    },
  };
  return { ctx, limitReached: () => limit };
}

function dispatch(ctx: CompareContext, reader: Obj, writer: Obj, sides: Sides): readonly Found[] {
  // A writer's allOf is one set of values: join it into one schema first.
  if (nonEmptyList(writer.allOf) !== undefined)
    return ctx.compare(reader, mergeWriterSchemas(ctx, [writer], sides.writer), sides);
  if (hasCombinators(reader)) return compareReaderParts(ctx, reader, writer, sides);
  const keyword = sumKeyword(writer);
  if (keyword === undefined) return compareBase(ctx, reader, writer, sides);
  // The writer writes one of its branches: the reader must read each of them.
  return writerBranches(ctx, writer, keyword, sides.writer).flatMap((alternative) =>
    rebase(
      alternative.label,
      // That the reader also takes types one branch lacks says nothing about the whole writer.
      ctx
        .compare(reader, alternative.schema, sides)
        .filter((d) => d.type !== 'TYPE_EXTENDED' || d.path !== ''),
    ),
  );
}
