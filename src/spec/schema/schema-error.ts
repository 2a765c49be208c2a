import type { ErrorObject } from 'ajv';
import type { JsonPath } from '../diagnostic.js';
import { pointerToPath } from './instance-path.js';

/**
 * One Ajv error in Meshplane's terms: the instance path as a JSON path, plus two keywords of our
 * own that the noise reduction produces: `requiredOneOf` (a list of alternatives, one of which
 * is required) and `misspelledRequired` (a required field is missing and an unknown field next to
 * it looks like a misspelling of it).
 */
export interface SchemaError {
  readonly keyword: string;
  /** Where Ajv reports it: the object itself for `required` and unknown-property keywords. */
  readonly path: JsonPath;
  readonly params: Readonly<Record<string, unknown>>;
  /** The schema object holding the keyword (Ajv's `verbose` option). */
  readonly parentSchema: unknown;
  /** The keyword's value in the schema (the branches, for `anyOf` and `oneOf`). */
  readonly schema: unknown;
  /** The instance value at `path`. */
  readonly data: unknown;
  /** Ajv's own wording, the fallback message for keywords without a friendly one. */
  readonly ajvMessage: string;
}

/** Converts Ajv's errors, resolving their pointers against the validated value. */
export function fromAjvErrors(errors: readonly ErrorObject[], value: unknown): SchemaError[] {
  return errors.map((e) => ({
    keyword: e.keyword,
    path: pointerToPath(e.instancePath, value),
    params: e.params as Record<string, unknown>,
    parentSchema: e.parentSchema,
    schema: e.schema,
    data: e.data,
    ajvMessage: e.message ?? 'is invalid',
  }));
}

/** The property an `additionalProperties` / `unevaluatedProperties` error is about, if any. */
export function unknownPropertyOf(error: SchemaError): string | undefined {
  const name =
    error.keyword === 'additionalProperties'
      ? error.params.additionalProperty
      : error.keyword === 'unevaluatedProperties'
        ? error.params.unevaluatedProperty
        : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** The path a finding about `error` points at: the unknown property itself, or `error.path`. */
export function subjectPath(error: SchemaError): JsonPath {
  const property = unknownPropertyOf(error);
  return property === undefined ? error.path : [...error.path, property];
}

/** True when `path` is `ancestor` or lies under it. */
export function isAtOrUnder(path: JsonPath, ancestor: JsonPath): boolean {
  if (path.length < ancestor.length) return false;
  return ancestor.every((segment, i) => path[i] === segment);
}

/** True when both paths name the same node. */
export function isSamePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && isAtOrUnder(a, b);
}
