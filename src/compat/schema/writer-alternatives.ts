import type { CompareContext } from './compare-context.js';
import { typeSet, valueHasType } from './json-types.js';
import { jsonTypeOf, type Obj } from './json-values.js';
import { mergeWriterSchemas } from './merge-writer-schemas.js';
import type { SchemaDocument } from './schema-document.js';
import { acceptsEverything, nonEmptyList, omitKeywords, type SumKeyword } from './schema-keywords.js';

/** One of the shapes a writer may write, and where it is in the writer's schema. */
export interface WriterAlternative {
  /** Relative JSON pointer of the branch (`/oneOf/1`), `''` for a slice by type. */
  readonly label: string;
  readonly schema: unknown;
}

/** The writer's `oneOf`/`anyOf` branches, each joined with the keywords around the combinator. */
export function writerBranches(
  ctx: CompareContext,
  writer: Obj,
  keyword: SumKeyword,
  doc: SchemaDocument,
): WriterAlternative[] {
  const branches = nonEmptyList(writer[keyword]) ?? [];
  const base = ctx.synthetic(`omit:${doc.id}:${ctx.idOf(writer)}:${keyword}`, () =>
    omitKeywords(writer, [keyword]),
  );
  const plain = acceptsEverything(base);
  return branches.map((branch, i) => ({
    label: `/${keyword}/${i}`,
    schema: plain ? branch : mergeWriterSchemas(ctx, [base, branch], doc),
  }));
}

/**
 * A writer whose `type` lists several types, as one schema per type (its `enum` and `const`
 * split likewise), so that a reader's `anyOf` of one branch per type can be matched branch by
 * branch. A writer of one type, or of any type, is its own single alternative.
 */
export function writerTypeSlices(ctx: CompareContext, writer: Obj): WriterAlternative[] {
  const types = typeSet(writer);
  if (types === undefined || types.size < 2) return [{ label: '', schema: writer }];
  const slices: WriterAlternative[] = [];
  for (const type of types) {
    if (type === 'integer' && types.has('number')) continue;
    const slice = ctx.synthetic(`slice:${ctx.idOf(writer)}:${type}`, () => sliceOf(writer, type));
    if (slice !== undefined) slices.push({ label: '', schema: slice });
  }
  return slices.length > 0 ? slices : [{ label: '', schema: writer }];
}

function sliceOf(writer: Obj, type: Parameters<typeof valueHasType>[1]): Obj | undefined {
  const ofType = (v: unknown) => valueHasType(jsonTypeOf(v), type);
  if (Object.hasOwn(writer, 'const') && !ofType(writer.const)) return undefined;
  if (!Array.isArray(writer.enum)) return { ...writer, type };
  const values = writer.enum.filter(ofType);
  return values.length === 0 ? undefined : { ...writer, type, enum: values };
}
