import { coerceToFact } from './fits-fact.js';
import type { ImportGap } from './imported-table.js';
import { logicalTypeOptionFacts } from './odcs-facts.js';
import type { LogicalType } from './odcs-types.js';

/**
 * The `logicalTypeOptions` ODCS allows for `logicalType`, from a candidate set: each option must be
 * one the type takes (ODCS forbids `maxLength` on a number, `minimum` as a number on a date) with a
 * value of the right kind. Every option left out is reported as a gap at `where`. Undefined when
 * nothing is left.
 */
export function fitOptions(
  logicalType: LogicalType | undefined,
  candidate: Readonly<Record<string, unknown>>,
  where: string,
  gaps: ImportGap[],
): Record<string, unknown> | undefined {
  const facts = logicalTypeOptionFacts(logicalType ?? '');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(candidate)) {
    if (value === undefined) continue;
    const fact = facts.get(key);
    const fitted = fact === undefined ? undefined : coerceToFact(fact, value);
    if (fitted === undefined) {
      const reason =
        fact === undefined
          ? `ODCS has no ${key} option for logicalType ${logicalType ?? '(none)'}`
          : `ODCS expects a ${fact.type ?? 'different'} value${fact.enum === undefined ? '' : ` (one of ${fact.enum.join(', ')})`}`;
      gaps.push({ where, message: `${key} ${JSON.stringify(value)} dropped: ${reason}` });
    } else {
      out[key] = fitted;
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
