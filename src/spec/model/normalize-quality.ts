import type { JsonPath } from '../diagnostic.js';
import type { QualityMetric, QualityOperator, QualityRule } from './data-contract.js';
import { arr, compact, num, obj, str } from './read-value.js';

const OPERATORS: readonly QualityOperator[] = [
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
];

/** ODCS v3.1.0 metric names, and the v3.0.x `rule` names that mean the same. */
const METRICS: Readonly<Record<string, QualityMetric>> = {
  nullValues: 'nullValues',
  nullCheck: 'nullValues',
  missingValues: 'missingValues',
  invalidValues: 'invalidValues',
  validValues: 'invalidValues',
  duplicateValues: 'duplicateValues',
  duplicateCount: 'duplicateValues',
  unique: 'duplicateValues',
  rowCount: 'rowCount',
};

function threshold(value: unknown): number | readonly [number, number] | undefined {
  if (Array.isArray(value)) {
    const low = num(value[0]);
    const high = num(value[1]);
    return low !== undefined && high !== undefined && value.length === 2 ? [low, high] : undefined;
  }
  return num(value);
}

function ruleType(
  o: Readonly<Record<string, unknown>>,
  metric: QualityMetric | undefined,
): QualityRule['type'] {
  const declared = str(o.type);
  if (declared === 'sql' || declared === 'custom' || declared === 'text' || declared === 'library')
    return declared;
  return metric !== undefined || declared === undefined ? 'library' : 'custom';
}

/** Reads an ODCS `quality` list attached to a schema object (property undefined) or a property. */
export function qualityRules(
  value: unknown,
  path: JsonPath,
  property: string | undefined,
): readonly QualityRule[] {
  return arr(value).map((item, index) => {
    const o = obj(item);
    const metricName = str(o.metric) ?? str(o.rule);
    const metric = metricName === undefined ? undefined : METRICS[metricName];
    const operator = OPERATORS.find((op) => o[op] !== undefined);
    const args = o.arguments;
    return compact({
      type: ruleType(o, metric),
      name: str(o.name),
      description: str(o.description),
      metric,
      arguments:
        typeof args === 'object' && args !== null && !Array.isArray(args)
          ? (args as Record<string, unknown>)
          : undefined,
      operator,
      threshold: operator === undefined ? undefined : threshold(o[operator]),
      unit: str(o.unit),
      severity: str(o.severity),
      dimension: str(o.dimension),
      query: str(o.query),
      engine: str(o.engine),
      implementation: o.implementation,
      property,
      path: [...path, index],
    });
  });
}
