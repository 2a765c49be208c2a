import { arr, isObj, type Obj } from '../../spec/model/read-value.js';
import type { ImportGap } from '../imported-table.js';
import { resolvePointer } from './json-pointer.js';

/** A subschema with `$ref`, `allOf` and null-unions folded away. */
export interface FlatSchema {
  readonly schema: Obj;
  /** `null` is one of the allowed types. */
  readonly nullable: boolean;
  /** The `$ref`s followed to get here, to stop at a recursive one. */
  readonly refs: readonly string[];
}

export interface FlattenContext {
  readonly root: unknown;
  readonly gaps: ImportGap[];
}

function isNullSchema(schema: unknown): boolean {
  return (
    isObj(schema) &&
    (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.every((t) => t === 'null')))
  );
}

function follow(
  schema: Obj,
  where: string,
  context: FlattenContext,
  refs: readonly string[],
): FlatSchema | undefined {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return { schema, nullable: false, refs };
  const { $ref: _ref, ...siblings } = schema;
  if (refs.includes(ref)) {
    context.gaps.push({
      where,
      message: `'${ref}' refers to itself: the recursion stops here (an object without properties)`,
    });
    return undefined;
  }
  const target = resolvePointer(context.root, ref);
  if (!isObj(target)) {
    const external = !ref.startsWith('#');
    context.gaps.push({
      where,
      message: external
        ? `'${ref}' is outside this document: not resolved`
        : `'${ref}' points at nothing: not resolved`,
    });
    return { schema: siblings, nullable: false, refs };
  }
  const inner = flattenSchema(target, where, context, [...refs, ref]);
  if (inner === undefined) return undefined;
  return { schema: { ...inner.schema, ...siblings }, nullable: inner.nullable, refs: inner.refs };
}

/** `allOf`: properties and required lists are united; for any other keyword the first one given wins. */
function mergeAll(base: Obj, parts: readonly FlatSchema[]): Obj {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  let merged: Record<string, unknown> = {};
  for (const part of [{ schema: base }, ...parts]) {
    Object.assign(properties, isObj(part.schema.properties) ? part.schema.properties : {});
    for (const r of arr(part.schema.required)) if (typeof r === 'string') required.add(r);
    merged = { ...part.schema, ...merged };
  }
  const out: Record<string, unknown> = { ...merged };
  if (Object.keys(properties).length > 0) out.properties = properties;
  if (required.size > 0) out.required = [...required];
  if (out.type === undefined && Object.keys(properties).length > 0) out.type = 'object';
  return out;
}

/**
 * Folds a subschema into one object schema: follows local `$ref`s (siblings override the target;
 * a recursive reference stops with a gap), merges `allOf`, and reads `anyOf` / `oneOf` with one
 * non-null branch (and `type: [T, "null"]`) as an optional T. A union of several non-null
 * branches keeps the first and reports it. Undefined when recursion stops here.
 */
export function flattenSchema(
  raw: unknown,
  where: string,
  context: FlattenContext,
  refs: readonly string[] = [],
): FlatSchema | undefined {
  if (raw === true || raw === undefined) return { schema: {}, nullable: false, refs };
  if (!isObj(raw)) {
    context.gaps.push({ where, message: 'the schema is not an object: read as any value' });
    return { schema: {}, nullable: false, refs };
  }
  const followed = follow(raw, where, context, refs);
  if (followed === undefined) return undefined;
  let { schema, nullable } = followed;
  const { allOf, anyOf, oneOf, ...rest } = schema;
  schema = rest;
  if (Array.isArray(allOf)) {
    const parts = allOf.flatMap(
      (s, i) => flattenSchema(s, `${where}.allOf[${i}]`, context, followed.refs) ?? [],
    );
    schema = mergeAll(schema, parts);
    nullable = nullable || parts.some((p) => p.nullable);
  }
  const union = Array.isArray(anyOf) ? anyOf : Array.isArray(oneOf) ? oneOf : undefined;
  if (union !== undefined) {
    const branches = union.filter((s) => !isNullSchema(s));
    nullable = nullable || branches.length < union.length;
    if (branches.length > 1) {
      context.gaps.push({
        where,
        message: `a union of ${branches.length} schemas: only the first is carried over`,
      });
    }
    const chosen =
      branches[0] === undefined ? undefined : flattenSchema(branches[0], where, context, followed.refs);
    if (chosen !== undefined) {
      schema = mergeAll(schema, [chosen]);
      nullable = nullable || chosen.nullable;
    }
  }
  if (Array.isArray(schema.type) && schema.type.includes('null')) nullable = true;
  return { schema, nullable, refs: followed.refs };
}
