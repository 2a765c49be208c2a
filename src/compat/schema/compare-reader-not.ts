import { acceptsValue } from './accepts-value.js';
import { breaks, type CompareContext, type Found, flip, found, type Sides } from './compare-context.js';
import { allowsType, mayHold, typeSet } from './json-types.js';
import { deepEqual, type Obj } from './json-values.js';
import { resolveOrAny } from './resolve-schema.js';
import { writerValues } from './writer-values.js';

/**
 * The reader rejects what its `not` schema matches. With a writer `not` too, the reader reads the
 * writer when the writer's `not` covers the reader's: the comparison runs the other way round.
 * Without one, the reader's `not` must match nothing the writer writes (other types, or none of
 * the writer's listed values).
 */
export function compareReaderNot(
  ctx: CompareContext,
  readerNot: unknown,
  writer: Obj,
  sides: Sides,
): Found[] {
  if (Object.hasOwn(writer, 'not')) {
    const inverse = ctx.compare(writer.not, readerNot, flip(sides));
    if (breaks(ctx, inverse))
      return [
        found('NOT_TYPE_EXTENDED', '/not', "The reader's not excludes values the writer's not allows."),
      ];
    return deepEqual(readerNot, writer.not)
      ? []
      : [found('NOT_TYPE_NARROWED', '/not', "The reader's not excludes fewer values than the writer's.")];
  }
  if (excludesNothingWritten(ctx, readerNot, writer, sides)) return [];
  return [found('NOT_TYPE_EXTENDED', '/not', "The reader's not excludes values the writer may write.")];
}

function excludesNothingWritten(ctx: CompareContext, readerNot: unknown, writer: Obj, sides: Sides): boolean {
  const excluded = resolveOrAny(ctx, readerNot, sides.reader);
  if (excluded === false) return true;
  const values = writerValues(ctx, writer, sides.writer);
  if (values !== undefined)
    return values.values.every((v) => !acceptsValue(ctx, excluded, v, sides.reader, true));
  const excludedTypes = typeSet(excluded);
  const writerTypes = typeSet(writer);
  if (excludedTypes === undefined || writerTypes === undefined) return false;
  return [...writerTypes].every((t) => !allowsType(excludedTypes, t) && !mayHold(excludedTypes, t));
}
