import { type CompareContext, type Found, found, type Sides } from './compare-context.js';
import { compareSubschema } from './compare-subschema.js';
import { isObj, listOf, type Obj, pointerSegment, stringsOf } from './json-values.js';

interface Dependency<T> {
  readonly value: T;
  readonly keyword: string;
}

/** Draft-4..7 `dependencies` split by value kind, merged with 2019-09 `dependentRequired`/`dependentSchemas`. */
function dependencies(schema: Obj) {
  const names = new Map<string, Dependency<string[]>>();
  const schemas = new Map<string, Dependency<unknown>>();
  for (const keyword of ['dependencies', 'dependentRequired', 'dependentSchemas']) {
    const map = schema[keyword];
    if (!isObj(map)) continue;
    for (const [key, value] of Object.entries(map)) {
      if (Array.isArray(value)) {
        if (keyword !== 'dependentSchemas') names.set(key, { value: stringsOf(value), keyword });
      } else if (keyword !== 'dependentRequired') schemas.set(key, { value, keyword });
    }
  }
  return { names, schemas };
}

/**
 * When property K is present the reader may require more names (dependent arrays) or more
 * structure (dependent schemas). The reader's names must already be guaranteed by the writer's
 * dependency on K or by its `required`.
 */
export function compareDependencies(ctx: CompareContext, reader: Obj, writer: Obj, sides: Sides): Found[] {
  const r = dependencies(reader);
  const w = dependencies(writer);
  const writerRequired = stringsOf(writer.required);
  const out: Found[] = [];
  for (const key of new Set([...r.names.keys(), ...w.names.keys()])) {
    const rd = r.names.get(key);
    const wd = w.names.get(key);
    if (rd === undefined) {
      if (wd !== undefined)
        out.push(
          found(
            'DEPENDENCY_ARRAY_REMOVED',
            `/${wd.keyword}/${pointerSegment(key)}`,
            `The reader drops the names "${key}" depends on.`,
          ),
        );
      continue;
    }
    const path = `/${rd.keyword}/${pointerSegment(key)}`;
    const guaranteed = new Set([...(wd?.value ?? []), ...writerRequired]);
    const missing = rd.value.filter((n) => !guaranteed.has(n));
    const message = `With "${key}" present the reader requires ${listOf(missing)}, which the writer may leave out.`;
    if (wd === undefined) {
      if (missing.length > 0) out.push(found('DEPENDENCY_ARRAY_ADDED', path, message));
    } else if (missing.length > 0) {
      const extended = wd.value.every((n) => rd.value.includes(n));
      out.push(found(extended ? 'DEPENDENCY_ARRAY_EXTENDED' : 'DEPENDENCY_ARRAY_CHANGED', path, message));
    } else if (wd.value.some((n) => !rd.value.includes(n)))
      out.push(
        found(
          'DEPENDENCY_ARRAY_NARROWED',
          path,
          `With "${key}" present the reader requires fewer names than the writer.`,
        ),
      );
  }
  for (const key of new Set([...r.schemas.keys(), ...w.schemas.keys()])) {
    const rd = r.schemas.get(key);
    const wd = w.schemas.get(key);
    const path = `/${rd?.keyword ?? wd?.keyword}/${pointerSegment(key)}`;
    if (rd === undefined)
      out.push(
        found(
          'DEPENDENCY_SCHEMA_REMOVED',
          path,
          `The reader drops the schema that applies when "${key}" is present.`,
        ),
      );
    else if (wd === undefined)
      out.push(
        found(
          'DEPENDENCY_SCHEMA_ADDED',
          path,
          `The reader adds a schema that applies when "${key}" is present.`,
        ),
      );
    else out.push(...compareSubschema(ctx, rd.value, wd.value, sides, path));
  }
  return out;
}
