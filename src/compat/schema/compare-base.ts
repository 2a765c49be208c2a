import { compareArray } from './compare-array.js';
import { compareConditional } from './compare-conditional.js';
import type { CompareContext, Found, Sides } from './compare-context.js';
import { found } from './compare-context.js';
import { compareNumber } from './compare-number.js';
import { compareObject } from './compare-object.js';
import { compareString } from './compare-string.js';
import { compareTypes } from './compare-types.js';
import { compareWriterValues } from './compare-values.js';
import { mayHold, typeSet } from './json-types.js';
import type { Obj } from './json-values.js';
import { writerValues } from './writer-values.js';

/**
 * Reader and writer without combinators (a writer `not` only narrows the writer and is left out).
 * A writer with a finite list of values is checked value by value; otherwise `type`, then the
 * keywords of each JSON type both sides may hold, each only where the writer may write that type.
 */
export function compareBase(ctx: CompareContext, reader: Obj, writer: Obj, sides: Sides): Found[] {
  const listed = Array.isArray(reader.enum) ? 'enum' : Object.hasOwn(reader, 'const') ? 'const' : undefined;
  const values = writerValues(ctx, writer, sides.writer);
  // Values known from `type: boolean` alone are only worth listing against a reader's list.
  if (values !== undefined && (values.keyword !== undefined || listed !== undefined))
    return compareWriterValues(ctx, reader, writer, values, sides);
  const readerTypes = typeSet(reader);
  const writerTypes = typeSet(writer);
  const both = (type: 'string' | 'number' | 'object' | 'array') =>
    mayHold(writerTypes, type) && mayHold(readerTypes, type);
  const out: Found[] = [...compareTypes(reader, writer)];
  if (both('string')) out.push(...compareString(reader, writer));
  if (both('number')) out.push(...compareNumber(reader, writer, writerTypes));
  if (both('object')) out.push(...compareObject(ctx, reader, writer, sides));
  if (both('array')) out.push(...compareArray(ctx, reader, writer, sides));
  if (listed !== undefined)
    out.push(
      found(
        'ENUM_ARRAY_ADDED',
        `/${listed}`,
        `The reader accepts only listed values; the writer may write any value.`,
      ),
    );
  out.push(...compareConditional(reader, writer));
  return out;
}
