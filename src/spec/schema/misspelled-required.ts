import { knownProperties } from './known-properties.js';
import { pathKey } from './path-index.js';
import { type SchemaError, unknownPropertyOf } from './schema-error.js';
import { suggestName } from './suggest-name.js';

/**
 * A misspelled required field (`nme:` for `name:`) makes Ajv report both an unknown property and a
 * missing required one. They are one mistake, so they become one `misspelledRequired` error
 * (params `missingProperty`, `misspelledAs`), which stays an error even in lenient mode. The same
 * unknown property may be reported twice (additional- and unevaluatedProperties); both go.
 */
export function foldMisspelledRequired(errors: readonly SchemaError[], root: object): SchemaError[] {
  const required = new Map<string, SchemaError>();
  for (const e of errors) {
    if (e.keyword === 'required') required.set(`${pathKey(e.path)}|${String(e.params.missingProperty)}`, e);
  }
  const dropped = new Set<SchemaError>();
  const folded = new Map<string, SchemaError>();
  for (const unknown of errors) {
    const name = unknownPropertyOf(unknown);
    if (name === undefined) continue;
    const at = pathKey(unknown.path);
    if (folded.has(`${at}|${name}`)) {
      dropped.add(unknown);
      continue;
    }
    const known = knownProperties(unknown.parentSchema, root);
    const meant = known.includes(name) ? undefined : suggestName(name, known);
    const missing = meant === undefined ? undefined : required.get(`${at}|${meant}`);
    if (meant === undefined || missing === undefined || dropped.has(missing)) continue;
    dropped.add(unknown);
    dropped.add(missing);
    folded.set(`${at}|${name}`, {
      ...unknown,
      keyword: 'misspelledRequired',
      params: { missingProperty: meant, misspelledAs: name },
    });
  }
  return [...errors.filter((e) => !dropped.has(e)), ...folded.values()];
}
