import type { Property, QualityRule } from '../model/data-contract.js';

/** The values a property may take, read from its ODCS `invalidValues` quality rule. */
export interface AllowedValues {
  readonly values: readonly unknown[];
  /**
   * True when the rule tolerates no invalid value, so every record must hold one of `values`.
   * A rule such as `mustBeLessOrEqualTo: 5, unit: percent` lets some records deviate: the list is
   * then a data-quality expectation, not a constraint on a single record.
   */
  readonly strict: boolean;
}

function isStrict(rule: QualityRule): boolean {
  const { operator, threshold, unit } = rule;
  if (operator === undefined) return true;
  if (typeof threshold !== 'number') return false;
  if (operator === 'mustBe' || operator === 'mustBeLessOrEqualTo') return threshold === 0;
  // Fewer than one invalid row is none; fewer than one percent is not.
  return operator === 'mustBeLessThan' && threshold <= 1 && unit !== 'percent';
}

/**
 * ODCS has no `enum`: allowed values are an `invalidValues` metric with `arguments.validValues`.
 * Returns the first such rule, preferring a strict one; undefined when the property has none.
 */
export function allowedValues(property: Property): AllowedValues | undefined {
  const candidates = property.quality.flatMap((rule) => {
    const values = rule.metric === 'invalidValues' ? rule.arguments?.validValues : undefined;
    return Array.isArray(values) ? [{ values: values as readonly unknown[], strict: isStrict(rule) }] : [];
  });
  return candidates.find((c) => c.strict) ?? candidates[0];
}
