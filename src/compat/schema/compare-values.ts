import { acceptsValue } from './accepts-value.js';
import { type CompareContext, type Found, found, type Sides } from './compare-context.js';
import { compareFormat } from './compare-string.js';
import { canonicalJson, deepEqual, describeValue, listOf, type Obj } from './json-values.js';
import type { WriterValues } from './writer-values.js';

/** The reader's `enum`/`const` as one list (both: the values in both), else undefined. */
function readerValues(reader: Obj): { values: readonly unknown[]; keyword: 'enum' | 'const' } | undefined {
  const hasConst = Object.hasOwn(reader, 'const');
  if (Array.isArray(reader.enum)) {
    const values = hasConst ? reader.enum.filter((v) => deepEqual(v, reader.const)) : reader.enum;
    return { values, keyword: 'enum' };
  }
  return hasConst ? { values: [reader.const], keyword: 'const' } : undefined;
}

const describeAll = (values: readonly unknown[]) => listOf(values.map(describeValue), 3);

/**
 * The writer writes only the listed values, so the reader reads it exactly when it accepts each
 * one: lists are compared as sets (ENUM_ARRAY_*), and every listed value the reader's other
 * keywords reject is ENUM_VALUE_REJECTED. `format` is compared as a keyword (values are not
 * checked against formats).
 */
export function compareWriterValues(
  ctx: CompareContext,
  reader: Obj,
  writer: Obj,
  written: WriterValues,
  sides: Sides,
): Found[] {
  const out: Found[] = [];
  const listed = readerValues(reader);
  const inList = (v: unknown) => listed === undefined || listed.values.some((x) => deepEqual(x, v));
  if (listed !== undefined) {
    const path = `/${listed.keyword}`;
    const missing = written.values.filter((v) => !inList(v));
    const keys = new Set(written.values.map((v) => canonicalJson(v)));
    const extra = listed.values.filter((v) => !keys.has(canonicalJson(v)));
    if (missing.length === 0) {
      if (extra.length > 0 && written.keyword !== undefined)
        out.push(found('ENUM_ARRAY_EXTENDED', path, `The reader also accepts ${describeAll(extra)}.`));
    } else {
      const narrowed = extra.length === 0;
      const message = `The reader no longer accepts ${describeAll(missing)}, which the writer may write.`;
      out.push(found(narrowed ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED', path, message));
    }
  } else if (written.keyword !== undefined) {
    out.push(
      found(
        'ENUM_ARRAY_REMOVED',
        `/${written.keyword}`,
        `The reader accepts values beyond the writer's list.`,
      ),
    );
  }
  const rejected = written.values.filter(
    (v) => inList(v) && !acceptsValue(ctx, reader, v, sides.reader, false),
  );
  if (rejected.length > 0)
    out.push(
      found(
        'ENUM_VALUE_REJECTED',
        '',
        `The reader rejects ${describeAll(rejected)}, which the writer may write.`,
      ),
    );
  if (written.values.some((v) => typeof v === 'string')) out.push(...compareFormat(reader, writer));
  return out;
}
