import { type SchemaError, subjectPath, unknownPropertyOf } from './schema-error.js';

/** Keyword → the params field whose values are merged when several errors hit the same path. */
const MERGED: Readonly<Record<string, string>> = {
  type: 'type',
  enum: 'allowedValues',
  const: 'allowedValue',
  required: 'missingProperty',
};

/**
 * Removes exact repeats (the same object checked by two schemas, or by `additionalProperties` and
 * `unevaluatedProperties` at once) and merges errors of one keyword at one path into one error
 * whose params hold a list: `types`, `allowedValues`, `missingProperties`. Keeps first-seen order.
 */
export function mergeErrors(errors: readonly SchemaError[]): SchemaError[] {
  const byKey = new Map<string, SchemaError>();
  for (const error of errors) {
    const field = MERGED[error.keyword];
    const key = `${field === undefined ? identity(error) : error.keyword}|${JSON.stringify(subjectPath(error))}`;
    const seen = byKey.get(key);
    if (field === undefined) {
      if (seen === undefined) byKey.set(key, error);
      continue;
    }
    const values = [...listParam(seen), ...asList(error.params[field])];
    byKey.set(key, { ...(seen ?? error), params: { ...(seen ?? error).params, values: unique(values) } });
  }
  return [...byKey.values()];
}

/** The merged values of an error that went through {@link mergeErrors}. */
export function mergedValues(error: SchemaError): readonly unknown[] {
  return listParam(error);
}

function identity(error: SchemaError): string {
  if (unknownPropertyOf(error) !== undefined) return 'unknown';
  return `${error.keyword}:${JSON.stringify(error.params)}`;
}

function listParam(error: SchemaError | undefined): readonly unknown[] {
  const values = error?.params.values;
  return Array.isArray(values) ? values : [];
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}

function unique(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
