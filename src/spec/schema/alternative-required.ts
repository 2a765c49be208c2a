import { isRecord } from './is-record.js';
import { PathIndex, pathKey } from './path-index.js';
import type { SchemaError } from './schema-error.js';

/**
 * `anyOf`/`oneOf` branches that each require a different field (ODCS quality operators: one of
 * `mustBe`, `mustBeGreaterThan`, ...) fail with one `required` error per branch. When no branch
 * was clearly meant, those become one `requiredOneOf` error listing the alternatives; when one was
 * (an error sits on a field only some branch declares), the other branches' `required` errors are
 * dropped and that branch's own errors speak.
 */
export function collapseAlternativeRequired(errors: readonly SchemaError[]): SchemaError[] {
  const requiredAt = new Map<string, SchemaError[]>();
  for (const e of errors) {
    if (e.keyword !== 'required') continue;
    const key = pathKey(e.path);
    requiredAt.set(key, [...(requiredAt.get(key) ?? []), e]);
  }
  const index = new PathIndex(errors.map((e) => e.path));
  const dropped = new Set<SchemaError>();
  const added: SchemaError[] = [];
  for (const wrapper of errors) {
    if (isAmbiguousOneOf(wrapper)) {
      // Several branches passed (two quality operators in one rule): the `required` errors of the
      // branches that failed are noise; the oneOf error itself says what is wrong.
      const branches = wrapper.schema as readonly unknown[];
      for (const e of requiredAt.get(pathKey(wrapper.path)) ?? [])
        if (branches.includes(e.parentSchema)) dropped.add(e);
      continue;
    }
    if (!isFailedAlternative(wrapper)) continue;
    const branches = wrapper.schema as readonly unknown[];
    const fromBranches = (requiredAt.get(pathKey(wrapper.path)) ?? []).filter(
      (e) => !dropped.has(e) && branches.includes(e.parentSchema),
    );
    if (fromBranches.length < 2) continue;
    for (const e of fromBranches) dropped.add(e);
    if (branchWasMeant(index, wrapper, branches)) continue;
    const alternatives = [...new Set(fromBranches.map((e) => String(e.params.missingProperty)))];
    added.push({ ...wrapper, keyword: 'requiredOneOf', params: { alternatives } });
  }
  return [...errors.filter((e) => !dropped.has(e)), ...added];
}

function isAmbiguousOneOf(e: SchemaError): boolean {
  return e.keyword === 'oneOf' && Array.isArray(e.schema) && Array.isArray(e.params.passingSchemas);
}

function isFailedAlternative(e: SchemaError): boolean {
  if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') return false;
  const passing = e.params.passingSchemas;
  return Array.isArray(e.schema) && (passing === undefined || passing === null);
}

/** True when some error lies at or under a property that one of the branches declares. */
function branchWasMeant(index: PathIndex, wrapper: SchemaError, branches: readonly unknown[]): boolean {
  return branches.some(
    (branch) =>
      isRecord(branch) &&
      isRecord(branch.properties) &&
      Object.keys(branch.properties).some((name) => index.hasAtOrUnder([...wrapper.path, name])),
  );
}
