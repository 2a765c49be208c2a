import { dedupe, type Found, found } from './compare-context.js';
import type { RuleSet } from './compatibility-mode.js';
import { createComparison, LIMIT_MESSAGE } from './create-comparison.js';
import { isCompatibleType } from './difference-types.js';
import type { Schema, SchemaDifference } from './schema-difference.js';
import { indexDocument } from './schema-document.js';

/**
 * Pairwise: can a consumer using `reader` read every document written with `writer`? Returns
 * every difference found, each marked compatible or not under `ruleSet` (default `strict`); the
 * reader reads the writer when all are compatible. Never throws: schemas are user input, and
 * whatever cannot be decided is reported as an incompatible difference.
 */
export function compareSchemas(
  reader: Schema,
  writer: Schema,
  ruleSet: RuleSet = 'strict',
): SchemaDifference[] {
  const rules: RuleSet = ruleSet === 'lenient' ? 'lenient' : 'strict';
  const comparison = createComparison(rules);
  let diffs: Found[];
  try {
    const readerDoc = indexDocument(reader, 1);
    const writerDoc = writer === reader ? readerDoc : indexDocument(writer, 2);
    diffs = [...comparison.ctx.compare(reader, writer, { reader: readerDoc, writer: writerDoc })];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diffs = [found('ANALYSIS_LIMIT_REACHED', '', `The schemas could not be compared (${reason}).`)];
  }
  // A bound hit inside a branch that was then set aside must still fail the result.
  if (comparison.limitReached() && !diffs.some((d) => d.type === 'ANALYSIS_LIMIT_REACHED'))
    diffs.push(found('ANALYSIS_LIMIT_REACHED', '', LIMIT_MESSAGE));
  return dedupe(diffs).map((d) => ({
    type: d.type,
    path: `#${d.path}`,
    compatible: isCompatibleType(d.type, rules),
    message: d.message,
  }));
}
