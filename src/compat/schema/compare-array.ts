import { type ArrayShape, arrayShape } from './array-shape.js';
import { boundTypes, compareBound } from './compare-bounds.js';
import { breaks, type CompareContext, type Found, found, rebase, type Sides } from './compare-context.js';
import { compareSubschema } from './compare-subschema.js';
import type { Obj } from './json-values.js';
import { resolveOrAny } from './resolve-schema.js';
import { acceptsEverything, count } from './schema-keywords.js';

/** The array keywords, for writers that may write arrays. */
export function compareArray(ctx: CompareContext, reader: Obj, writer: Obj, sides: Sides): Found[] {
  const zeroIsNone = (v: unknown) => (count(v) === 0 ? undefined : count(v));
  return [
    ...compareItems(ctx, arrayShape(reader), arrayShape(writer), sides),
    ...compareBound(
      'max',
      'maxItems',
      count(reader.maxItems),
      count(writer.maxItems),
      boundTypes('MAX_ITEMS'),
      'items',
    ),
    ...compareBound(
      'min',
      'minItems',
      zeroIsNone(reader.minItems),
      zeroIsNone(writer.minItems),
      boundTypes('MIN_ITEMS'),
      'items',
    ),
    ...compareUnique(reader, writer),
    ...compareContains(ctx, reader, writer, sides),
  ];
}

type Model = 'open' | 'closed' | 'partial';

function modelOf(ctx: CompareContext, rest: unknown, sides: Sides, side: 'reader' | 'writer'): Model {
  if (rest === undefined) return 'open';
  const schema = resolveOrAny(ctx, rest, sides[side]);
  if (schema === false) return 'closed';
  return acceptsEverything(schema) ? 'open' : 'partial';
}

/**
 * Tuples position by position; a position only one side lists is judged by the other side's
 * schema for items past its tuple (open, closed or partially open, as for properties).
 */
function compareItems(ctx: CompareContext, reader: ArrayShape, writer: ArrayShape, sides: Sides): Found[] {
  const out: Found[] = [];
  const common = Math.min(reader.prefix.length, writer.prefix.length);
  for (let i = 0; i < common; i++)
    out.push(
      ...rebase(`/${reader.prefixKeyword}/${i}`, ctx.compare(reader.prefix[i], writer.prefix[i], sides)),
    );
  const readerRest = modelOf(ctx, reader.rest, sides, 'reader');
  for (let i = common; i < writer.prefix.length; i++) {
    const path = `/${writer.prefixKeyword}/${i}`;
    const item = writer.prefix[i];
    if (readerRest === 'open')
      out.push(
        found(
          'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL',
          path,
          'The reader drops this tuple position; it accepts any item there.',
        ),
      );
    else if (readerRest === 'closed')
      out.push(
        resolveOrAny(ctx, item, sides.writer) === false
          ? found(
              'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL',
              path,
              'The reader drops a tuple position the writer never filled.',
            )
          : found(
              'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL',
              path,
              'The reader drops this tuple position and rejects items past its tuple.',
            ),
      );
    else {
      const diffs = ctx.compare(reader.rest, item, sides);
      const covered = !breaks(ctx, diffs);
      out.push(
        ...rebase(path, diffs),
        covered
          ? found(
              'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
              path,
              "The reader drops this tuple position; its schema for further items reads the writer's.",
            )
          : found(
              'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
              path,
              "The reader drops this tuple position and its schema for further items rejects the writer's.",
            ),
      );
    }
  }
  const writerRest = modelOf(ctx, writer.rest, sides, 'writer');
  for (let i = common; i < reader.prefix.length; i++) {
    const path = `/${reader.prefixKeyword}/${i}`;
    const item = reader.prefix[i];
    if (writerRest === 'open')
      out.push(
        acceptsEverything(resolveOrAny(ctx, item, sides.reader))
          ? found(
              'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
              path,
              'The reader adds a tuple position that accepts any item.',
            )
          : found(
              'ITEM_ADDED_TO_OPEN_CONTENT_MODEL',
              path,
              'The reader adds a tuple position where the writer may have written any item.',
            ),
      );
    else if (writerRest === 'closed')
      out.push(
        found(
          'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL',
          path,
          'The reader adds a tuple position the writer never fills.',
        ),
      );
    else {
      const diffs = ctx.compare(item, writer.rest, sides);
      const covered = !breaks(ctx, diffs);
      out.push(
        ...rebase(path, diffs),
        covered
          ? found(
              'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
              path,
              "The reader adds a tuple position and reads the writer's further items there.",
            )
          : found(
              'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
              path,
              "The reader adds a tuple position that rejects the writer's further items.",
            ),
      );
    }
  }
  if (reader.prefix.length === 0 && writer.prefix.length === 0)
    return [...out, ...compareSubschema(ctx, reader.rest, writer.rest, sides, `/${reader.restKeyword}`)];
  return [...out, ...compareRest(ctx, reader, writer, readerRest, writerRest, sides)];
}

/** Items past both tuples. */
function compareRest(
  ctx: CompareContext,
  reader: ArrayShape,
  writer: ArrayShape,
  readerRest: Model,
  writerRest: Model,
  sides: Sides,
): Found[] {
  const path = `/${reader.rest === undefined ? writer.restKeyword : reader.restKeyword}`;
  if (writerRest === 'closed')
    return readerRest === 'closed'
      ? []
      : [
          found(
            'ADDITIONAL_ITEMS_ADDED',
            path,
            'The reader accepts items past its tuple; the writer wrote none.',
          ),
        ];
  if (readerRest === 'closed')
    return [
      found(
        'ADDITIONAL_ITEMS_REMOVED',
        path,
        'The reader rejects items past its tuple, which the writer may write.',
      ),
    ];
  if (writerRest === 'open')
    return readerRest === 'open'
      ? []
      : [
          found(
            'ADDITIONAL_ITEMS_NARROWED',
            path,
            'The reader constrains items past its tuple; the writer may write any.',
          ),
        ];
  if (readerRest === 'open')
    return [found('ADDITIONAL_ITEMS_EXTENDED', path, 'The reader accepts any item past its tuple.')];
  return rebase(path, ctx.compare(reader.rest, writer.rest, sides));
}

function compareUnique(reader: Obj, writer: Obj): Found[] {
  const r = reader.uniqueItems === true;
  const w = writer.uniqueItems === true;
  if (r === w) return [];
  const single = count(writer.maxItems) !== undefined && (count(writer.maxItems) ?? 0) <= 1;
  if (r && !single)
    return [
      found(
        'UNIQUE_ITEMS_ADDED',
        '/uniqueItems',
        'The reader requires unique items; the writer may repeat items.',
      ),
    ];
  return w
    ? [found('UNIQUE_ITEMS_REMOVED', '/uniqueItems', 'The reader no longer requires unique items.')]
    : [];
}

/** `contains` and its counts: the reader's must be met by every array the writer writes. */
function compareContains(ctx: CompareContext, reader: Obj, writer: Obj, sides: Sides): Found[] {
  const r = reader.contains;
  const w = writer.contains;
  if (r === undefined)
    return w === undefined
      ? []
      : [found('CONTAINS_REMOVED', '/contains', "The reader drops the writer's contains.")];
  if (w === undefined)
    return [
      found(
        'CONTAINS_ADDED',
        '/contains',
        'The reader requires items matching contains; the writer does not.',
      ),
    ];
  return [
    ...rebase('/contains', ctx.compare(r, w, sides)),
    ...compareBound(
      'min',
      'minContains',
      count(reader.minContains) ?? 1,
      count(writer.minContains) ?? 1,
      boundTypes('MIN_CONTAINS'),
      'matching items',
    ),
    ...compareBound(
      'max',
      'maxContains',
      count(reader.maxContains),
      count(writer.maxContains),
      boundTypes('MAX_CONTAINS'),
      'matching items',
    ),
  ];
}
