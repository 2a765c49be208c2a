import type { ValidateFunction } from 'ajv';
import type { Finding } from './finding.js';
import { mergeErrors } from './merge-errors.js';
import { reduceErrors } from './reduce-errors.js';
import { fromAjvErrors } from './schema-error.js';
import { toFinding } from './schema-finding.js';
import { dropTypoConsequences } from './typo-consequences.js';

/**
 * The errors `validate` (compiled from the schema `root`) just reported for `value`, as the few
 * plain-English findings a person should read: consequences of typos dropped, noise reduced,
 * same-place errors merged, exact repeats removed. May run `validate` again on a corrected copy.
 */
export function schemaFindings(validate: ValidateFunction, value: unknown, root: object): Finding[] {
  const raw = fromAjvErrors(validate.errors ?? [], value);
  const reduced = mergeErrors(reduceErrors(dropTypoConsequences(raw, value, validate, root), root));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const finding of reduced.map((e) => toFinding(e, root))) {
    const key = `${finding.code}|${JSON.stringify(finding.path)}|${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}
