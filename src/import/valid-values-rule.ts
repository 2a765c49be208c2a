import type { OdcsQualityRule } from './odcs-types.js';

/**
 * ODCS has no `enum`: allowed values are an `invalidValues` rule with `arguments.validValues` that
 * tolerates no invalid row. This is the shape `meshplane export` and the runtime read back as an
 * enum (see spec/export/allowed-values.ts).
 */
export function validValuesRule(values: readonly unknown[], description?: string): OdcsQualityRule {
  return {
    type: 'library',
    metric: 'invalidValues',
    arguments: { validValues: [...values] },
    mustBe: 0,
    dimension: 'conformity',
    ...(description === undefined ? {} : { description }),
  };
}
