import { type CompareContext, type Found, rebase, type Sides } from './compare-context.js';
import { compareReaderNot } from './compare-reader-not.js';
import { compareReaderSum } from './compare-reader-sum.js';
import { isCompatibleType } from './difference-types.js';
import { isObj, type Obj } from './json-values.js';
import { resolveOrAny } from './resolve-schema.js';
import { acceptsEverything, COMBINATOR_KEYWORDS, nonEmptyList, omitKeywords } from './schema-keywords.js';

/**
 * A reader with combinators accepts a value only when every part does: its own keywords, each
 * `allOf` branch, its `anyOf`, its `oneOf` and its `not`. So each part must read the writer.
 */
export function compareReaderParts(ctx: CompareContext, reader: Obj, writer: Obj, sides: Sides): Found[] {
  const parts: Found[][] = [];
  const base = ctx.synthetic(`base:${sides.reader.id}:${ctx.idOf(reader)}`, () =>
    withEvaluatedNames(ctx, omitKeywords(reader, COMBINATOR_KEYWORDS), reader, sides),
  );
  if (!acceptsEverything(base)) parts.push([...ctx.compare(base, writer, sides)]);
  for (const [i, branch] of (nonEmptyList(reader.allOf) ?? []).entries())
    parts.push(rebase(`/allOf/${i}`, ctx.compare(branch, writer, sides)));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = nonEmptyList(reader[keyword]);
    if (branches !== undefined) parts.push(compareReaderSum(ctx, keyword, branches, writer, sides));
  }
  if (Object.hasOwn(reader, 'not')) parts.push(compareReaderNot(ctx, reader.not, writer, sides));
  if (parts.length === 1) return parts[0] ?? [];
  // One part alone may look looser than the writer (it lacks the enum another part has), so
  // only what a part rejects is reported when there are several.
  return parts.flat().filter((d) => !isCompatibleType(d.type, ctx.ruleSet));
}

/**
 * `unevaluatedProperties` also lets through the names the `allOf` branches (and a `$ref`)
 * evaluate, so the reader's own keywords are compared as if it listed those names too.
 */
function withEvaluatedNames(ctx: CompareContext, base: Obj, reader: Obj, sides: Sides): Obj {
  const branches = nonEmptyList(reader.allOf);
  if (
    branches === undefined ||
    base.unevaluatedProperties === undefined ||
    base.additionalProperties !== undefined
  )
    return base;
  const properties: Record<string, unknown> = {};
  for (const branch of branches) {
    const resolved = resolveOrAny(ctx, branch, sides.reader);
    if (isObj(resolved))
      for (const name of Object.keys(isObj(resolved.properties) ? resolved.properties : {}))
        properties[name] = true;
  }
  return { ...base, properties: { ...properties, ...(isObj(base.properties) ? base.properties : {}) } };
}
