import { acceptsValue } from './accepts-value.js';
import type { CompareContext } from './compare-context.js';
import { typeSet } from './json-types.js';
import { canonicalJson, deepEqual, type Obj } from './json-values.js';
import type { SchemaDocument } from './schema-document.js';

/** The finite list of values a writer may write, when it has one. */
export interface WriterValues {
  readonly values: readonly unknown[];
  /** The keyword that lists them (`enum` or `const`); undefined when they come from `type` alone. */
  readonly keyword: 'enum' | 'const' | undefined;
}

const MAX_VALUES = 10_000;

/**
 * The values of the writer's `enum`/`const` that its other keywords also allow, or the values of a
 * writer typed only boolean and/or null. Undefined when the writer may write infinitely many.
 */
export function writerValues(
  ctx: CompareContext,
  writer: Obj,
  doc: SchemaDocument,
): WriterValues | undefined {
  let values: readonly unknown[] | undefined;
  let keyword: WriterValues['keyword'];
  if (Array.isArray(writer.enum)) {
    values = writer.enum.slice(0, MAX_VALUES);
    keyword = 'enum';
  }
  if (Object.hasOwn(writer, 'const')) {
    values = values === undefined ? [writer.const] : values.filter((v) => deepEqual(v, writer.const));
    keyword = 'const';
  }
  if (values === undefined) {
    const types = typeSet(writer);
    if (types === undefined || ![...types].every((t) => t === 'boolean' || t === 'null')) return undefined;
    values = [...(types.has('boolean') ? [true, false] : []), ...(types.has('null') ? [null] : [])];
  }
  const seen = new Set<string>();
  const unique = values.filter((v) => {
    const key = canonicalJson(v);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  return { values: unique.filter((v) => acceptsValue(ctx, writer, v, doc, true)), keyword };
}
