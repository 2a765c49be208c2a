import type { ValidateFunction } from 'ajv';
import type { JsonPath } from '../diagnostic.js';
import { valueAt } from './instance-path.js';
import { isRecord } from './is-record.js';
import { knownProperties } from './known-properties.js';
import { pathKey } from './path-index.js';
import { fromAjvErrors, type SchemaError, unknownPropertyOf } from './schema-error.js';
import { suggestName } from './suggest-name.js';

interface Typo {
  readonly path: JsonPath;
  readonly written: string;
  readonly meant: string;
}

/**
 * Drops the errors that only exist because of a misspelled field name. A misspelled `logicalType`
 * makes every `if: {properties: {logicalType: ...}}` of ODCS vacuously true, so each `then`
 * branch fires at once. The document is validated again with each near-miss name renamed to
 * the name it resembles; an error is kept if it is about the typo itself (the unknown name, or
 * the required field it stands for) or if it persists after the renaming.
 */
export function dropTypoConsequences(
  errors: readonly SchemaError[],
  value: unknown,
  validate: ValidateFunction,
  root: object,
): SchemaError[] {
  const typos = findTypos(errors, value, root);
  if (typos.size === 0) return [...errors];
  const corrected = structuredClone(value);
  for (const typo of typos.values()) rename(valueAt(corrected, typo.path), typo.written, typo.meant);
  const aboutTypo = new Set<string>();
  for (const t of typos.values()) {
    aboutTypo.add(`${pathKey(t.path)}|unknown|${t.written}`);
    aboutTypo.add(`${pathKey(t.path)}|required|${t.meant}`);
  }
  const isAboutTypo = (e: SchemaError): boolean => {
    const name = unknownPropertyOf(e);
    if (name !== undefined) return aboutTypo.has(`${pathKey(e.path)}|unknown|${name}`);
    return (
      e.keyword === 'required' &&
      aboutTypo.has(`${pathKey(e.path)}|required|${String(e.params.missingProperty)}`)
    );
  };
  if (validate(corrected)) return errors.filter(isAboutTypo);
  const remaining = new Set(fromAjvErrors(validate.errors ?? [], corrected).map(signature));
  return errors.filter((e) => isAboutTypo(e) || remaining.has(signature(e)));
}

/** Near-miss unknown names whose intended name is absent from their object, by path and name. */
function findTypos(errors: readonly SchemaError[], value: unknown, root: object): Map<string, Typo> {
  const typos = new Map<string, Typo>();
  for (const error of errors) {
    const written = unknownPropertyOf(error);
    if (written === undefined || !isRecord(error.data)) continue;
    const key = `${pathKey(error.path)}|${written}`;
    if (typos.has(key)) continue;
    const known = knownProperties(error.parentSchema, root);
    // A known name reported as unevaluated is no typo (a sibling subschema failed).
    const meant = known.includes(written) ? undefined : suggestName(written, known);
    if (meant === undefined || meant in error.data) continue;
    if (isRecord(valueAt(value, error.path))) typos.set(key, { path: error.path, written, meant });
  }
  return typos;
}

function rename(node: unknown, from: string, to: string): void {
  if (!isRecord(node) || !(from in node) || to in node) return;
  node[to] = node[from];
  delete node[from];
}

function signature(error: SchemaError): string {
  return `${error.keyword}|${pathKey(error.path)}|${JSON.stringify(error.params)}`;
}
