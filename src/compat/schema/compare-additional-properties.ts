import { breaks, type CompareContext, type Found, found, rebase, type Sides } from './compare-context.js';
import { additionalOf, allowsUnnamed } from './content-model.js';
import { entriesOf, isObj, type Obj, pointerSegment } from './json-values.js';

/**
 * What each side says about names it does not list. Only values under such names are at stake,
 * so every breaking result here is one the lenient rule set accepts (writers there emit only the
 * names of their schema): the lenient verdict replaces the detail by one NARROWED difference.
 */
export function compareAdditionalProperties(
  ctx: CompareContext,
  reader: Obj,
  writer: Obj,
  sides: Sides,
): Found[] {
  const r = additionalOf(reader);
  const w = additionalOf(writer);
  const additional = r.keyword === 'additionalProperties' || w.keyword === 'additionalProperties';
  const keyword = r.keyword ?? w.keyword;
  if (keyword === undefined) return [];
  const path = `/${keyword}`;
  const type = (change: 'ADDED' | 'REMOVED' | 'EXTENDED' | 'NARROWED') =>
    additional ? (`ADDITIONAL_PROPERTIES_${change}` as const) : (`UNEVALUATED_PROPERTIES_${change}` as const);
  if (w.value === false)
    return r.value === false
      ? []
      : [
          found(
            type('ADDED'),
            path,
            'The reader accepts properties it does not name; the writer wrote none.',
          ),
        ];
  if (r.value === false)
    return [
      found(
        type('REMOVED'),
        path,
        'The reader rejects properties it does not name, which the writer may write.',
      ),
    ];
  if (w.value === true)
    return r.value === true
      ? []
      : [
          found(
            type('NARROWED'),
            path,
            'The reader constrains properties it does not name; the writer may write any value under them.',
          ),
        ];
  if (r.value === true)
    return [found(type('EXTENDED'), path, 'The reader accepts any value under properties it does not name.')];
  const diffs = ctx.compare(r.value, w.value, sides);
  if (breaks(ctx, diffs) && ctx.ruleSet === 'lenient')
    return [
      found(
        type('NARROWED'),
        path,
        "The reader's schema for properties it does not name rejects some of the writer's.",
      ),
    ];
  return rebase(path, diffs);
}

/**
 * `patternProperties` on names neither side lists: a pattern both have compares its schemas; a
 * pattern only the reader has must read what the writer allows there; a pattern only the writer
 * has must be read by the reader's `additionalProperties`.
 */
export function comparePatternProperties(
  ctx: CompareContext,
  reader: Obj,
  writer: Obj,
  sides: Sides,
): Found[] {
  const readerPatterns = isObj(reader.patternProperties) ? reader.patternProperties : {};
  const writerPatterns = isObj(writer.patternProperties) ? writer.patternProperties : {};
  const out: Found[] = [];
  const narrowed = (pattern: string) =>
    found(
      'PATTERN_PROPERTIES_NARROWED',
      `/patternProperties/${pointerSegment(pattern)}`,
      `The reader does not read what the writer may write under names matching ${pattern}.`,
    );
  for (const [pattern, schema] of entriesOf(readerPatterns)) {
    const path = `/patternProperties/${pointerSegment(pattern)}`;
    if (Object.hasOwn(writerPatterns, pattern)) {
      const diffs = ctx.compare(schema, writerPatterns[pattern], sides);
      if (breaks(ctx, diffs) && ctx.ruleSet === 'lenient') out.push(narrowed(pattern));
      else out.push(...rebase(path, diffs));
    } else if (allowsUnnamed(writer) && breaks(ctx, ctx.compare(schema, additionalOf(writer).value, sides)))
      out.push(narrowed(pattern));
  }
  for (const [pattern, schema] of entriesOf(writerPatterns)) {
    if (
      !Object.hasOwn(readerPatterns, pattern) &&
      breaks(ctx, ctx.compare(additionalOf(reader).value, schema, sides))
    )
      out.push(narrowed(pattern));
  }
  return out;
}
