import { collapseAlternativeRequired } from './alternative-required.js';
import { knownProperties } from './known-properties.js';
import { foldMisspelledRequired } from './misspelled-required.js';
import { PathIndex } from './path-index.js';
import { type SchemaError, unknownPropertyOf } from './schema-error.js';

/** Keywords that only say "a subschema failed"; the subschema's own errors say what and where. */
export const WRAPPERS: ReadonlySet<string> = new Set([
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'dependentSchemas',
]);

/**
 * Cuts Ajv's errors down to the ones a person should read. With `allErrors`, `if`/`then`,
 * `anyOf`/`oneOf` and `unevaluatedProperties`, one mistake yields several errors; the rules, in
 * order:
 * 1. an `unevaluatedProperties` error about a property the schema knows is noise when another
 *    error sits at or under the same object (the failed sibling subschema "un-evaluated" it);
 * 2. `required` errors from the branches of a failed `anyOf`/`oneOf` become one "needs one of",
 *    or vanish when another branch was clearly meant;
 * 3. wrapper errors (`if`, `anyOf`, ...) go when a more specific error exists at or under them;
 * 4. a `type` error goes when the value got further in another branch (an error at or under the
 *    same path that is not a `type` error there);
 * 5. an unknown property that is a near miss of a missing required one becomes one finding.
 * `root` is the schema validated against, to resolve `$ref`s. Linear in the number of errors.
 */
export function reduceErrors(errors: readonly SchemaError[], root: object): SchemaError[] {
  let kept = dropUnevaluatedKnownProperties(errors, root);
  kept = collapseAlternativeRequired(kept);
  kept = dropSupersededWrappers(kept);
  kept = dropSupersededTypes(kept);
  return foldMisspelledRequired(kept, root);
}

function dropUnevaluatedKnownProperties(errors: readonly SchemaError[], root: object): SchemaError[] {
  const isCandidate = (e: SchemaError): boolean => {
    const name = e.keyword === 'unevaluatedProperties' ? unknownPropertyOf(e) : undefined;
    return name !== undefined && knownProperties(e.parentSchema, root).includes(name);
  };
  const others = new PathIndex(errors.filter((e) => !isCandidate(e)).map((e) => e.path));
  return errors.filter((e) => !isCandidate(e) || !others.hasAtOrUnder(e.path));
}

/**
 * A `oneOf` that several branches passed is no wrapper: nothing under it failed, and it alone says
 * what is wrong (two quality operators in one rule).
 */
function isWrapper(e: SchemaError): boolean {
  return WRAPPERS.has(e.keyword) && !(e.keyword === 'oneOf' && Array.isArray(e.params.passingSchemas));
}

function dropSupersededWrappers(errors: readonly SchemaError[]): SchemaError[] {
  const specific = new PathIndex(errors.filter((e) => !isWrapper(e)).map((e) => e.path));
  return errors.filter((e) => !isWrapper(e) || !specific.hasAtOrUnder(e.path));
}

function dropSupersededTypes(errors: readonly SchemaError[]): SchemaError[] {
  // Another keyword at or under the path, or a type error strictly under it.
  const further = new PathIndex(errors.filter((e) => e.keyword !== 'type').map((e) => e.path));
  for (const e of errors) if (e.keyword === 'type') further.add(e.path, true);
  return errors.filter((e) => e.keyword !== 'type' || !further.hasAtOrUnder(e.path));
}
