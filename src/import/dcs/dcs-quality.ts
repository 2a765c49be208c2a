import { arr, isObj, num, type Obj, str } from '../../spec/model/read-value.js';
import type { ImportGap } from '../imported-table.js';
import { ODCS_QUALITY_DIMENSIONS, ODCS_QUALITY_METRICS } from '../odcs-facts.js';
import type { OdcsQualityRule } from '../odcs-types.js';

/** DCS operator names, with the ODCS spelling of each. */
const OPERATORS: ReadonlyMap<string, string> = new Map([
  ['mustBe', 'mustBe'],
  ['mustNotBe', 'mustNotBe'],
  ['mustBeGreaterThan', 'mustBeGreaterThan'],
  ['mustBeGreaterThanOrEqualTo', 'mustBeGreaterOrEqualTo'],
  ['mustBeGreaterOrEqualTo', 'mustBeGreaterOrEqualTo'],
  ['mustBeLessThan', 'mustBeLessThan'],
  ['mustBeLessThanOrEqualTo', 'mustBeLessOrEqualTo'],
  ['mustBeLessOrEqualTo', 'mustBeLessOrEqualTo'],
  ['mustBeBetween', 'mustBeBetween'],
  ['mustNotBeBetween', 'mustNotBeBetween'],
]);

/** Fields every ODCS quality rule may carry, copied as they are when they have the right type. */
const COMMON_TEXT = [
  'name',
  'description',
  'severity',
  'unit',
  'businessImpact',
  'method',
  'schedule',
  'scheduler',
];

/** Names of quality engines as DCS writes them, and as ODCS `custom` rules name them. */
const ENGINES: ReadonlyMap<string, string> = new Map([
  ['sodacl', 'soda'],
  ['soda', 'soda'],
  ['montecarlo', 'monte-carlo'],
  ['monte-carlo', 'monte-carlo'],
  ['great-expectations', 'great-expectations'],
  ['greatexpectations', 'great-expectations'],
  ['dbt', 'dbt'],
]);

/** The ODCS engine name for a DCS quality type that names a tool (`SodaCL` → `soda`). */
export function qualityEngine(type: string): string | undefined {
  return ENGINES.get(type.toLowerCase());
}

/** An ODCS `custom` rule that hands a tool's own check definition over unchanged. */
export function customRule(engine: string, implementation: unknown, description?: string): OdcsQualityRule {
  const text = typeof implementation === 'string' || isObj(implementation);
  return {
    type: 'custom',
    ...(description === undefined ? {} : { description }),
    engine,
    implementation: text ? implementation : JSON.stringify(implementation ?? null),
  };
}

function operand(odcs: string, value: unknown): unknown {
  if (odcs === 'mustBeBetween' || odcs === 'mustNotBeBetween') {
    const pair = arr(value).map((v) => num(v) ?? (typeof v === 'string' ? Number(v) : Number.NaN));
    return pair.length === 2 && pair.every(Number.isFinite) && pair[0] !== pair[1]
      ? [...pair].sort((a, b) => a - b)
      : undefined;
  }
  if (odcs === 'mustBe' || odcs === 'mustNotBe') return value;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : num(value);
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** The one ODCS operator of a rule (ODCS allows exactly one), reporting any other. */
function operator(rule: Obj, where: string, gaps: ImportGap[]): Record<string, unknown> | undefined {
  let chosen: Record<string, unknown> | undefined;
  for (const [dcs, odcs] of OPERATORS) {
    if (rule[dcs] === undefined) continue;
    const value = operand(odcs, rule[dcs]);
    if (value === undefined) {
      gaps.push({ where, message: `${dcs} ${JSON.stringify(rule[dcs])} dropped: not a valid threshold` });
    } else if (chosen !== undefined) {
      gaps.push({ where, message: `${dcs} dropped: ODCS allows one threshold per rule` });
    } else {
      chosen = { [odcs]: value };
    }
  }
  return chosen;
}

function common(rule: Obj, where: string, gaps: ImportGap[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of COMMON_TEXT) if (typeof rule[key] === 'string') out[key] = rule[key];
  if (typeof rule.dimension === 'string') {
    if (ODCS_QUALITY_DIMENSIONS.includes(rule.dimension)) out.dimension = rule.dimension;
    else gaps.push({ where, message: `dimension '${rule.dimension}' dropped: not an ODCS dimension` });
  }
  const tags = arr(rule.tags).filter((t): t is string => typeof t === 'string');
  if (tags.length > 0) out.tags = tags;
  if (rule.dialect !== undefined) out.customProperties = [{ property: 'dialect', value: rule.dialect }];
  return out;
}

const HANDLED = new Set([
  'type',
  'metric',
  'rule',
  'arguments',
  'query',
  'engine',
  'implementation',
  'specification',
  'dimension',
  'tags',
  'dialect',
  ...COMMON_TEXT,
  ...OPERATORS.keys(),
]);

function oneRule(rule: Obj, where: string, gaps: ImportGap[]): OdcsQualityRule | undefined {
  const declared = str(rule.type)?.toLowerCase() ?? (rule.metric === undefined ? 'sql' : 'library');
  for (const key of Object.keys(rule)) {
    if (!HANDLED.has(key)) gaps.push({ where, message: `quality field '${key}' dropped` });
  }
  const base = common(rule, where, gaps);
  if (declared === 'text') return { type: 'text', ...base };
  const engine = qualityEngine(declared) ?? (declared === 'custom' ? str(rule.engine) : undefined);
  if (engine !== undefined) {
    return { ...customRule(engine, rule.implementation ?? rule.specification ?? rule.query), ...base };
  }
  if (declared === 'sql') {
    const query = str(rule.query);
    if (query === undefined) {
      gaps.push({ where, message: 'sql quality rule without a query dropped' });
      return undefined;
    }
    const check = operator(rule, where, gaps);
    if (check === undefined) {
      gaps.push({
        where,
        message: 'sql quality rule has no threshold (mustBe, ...): kept as a custom sql rule',
      });
      return { ...customRule('sql', query), ...base };
    }
    return { type: 'sql', ...base, query, ...check };
  }
  if (declared === 'library') {
    const metric = str(rule.metric) ?? str(rule.rule);
    if (metric === undefined || !ODCS_QUALITY_METRICS.includes(metric)) {
      gaps.push({
        where,
        message: `library metric '${metric ?? ''}' is not an ODCS metric: kept as a custom rule`,
      });
      const { type: _type, ...rest } = rule;
      return { ...customRule('library', rest), ...base };
    }
    // DCS reads a library rule without a threshold as "no such rows"; ODCS wants it spelled out.
    const check =
      operator(rule, where, gaps) ?? (metric === 'rowCount' ? { mustBeGreaterThan: 0 } : { mustBe: 0 });
    return {
      type: 'library',
      ...base,
      metric,
      ...(isObj(rule.arguments) ? { arguments: rule.arguments } : {}),
      ...check,
    };
  }
  gaps.push({ where, message: `quality type '${declared}' is not known: kept as a custom rule` });
  return { ...customRule(declared, rule.implementation ?? rule.specification ?? rule.query), ...base };
}

/** The ODCS quality rules of a DCS `quality` list (field or model level); what cannot map is a gap. */
export function dcsQualityRules(value: unknown, where: string, gaps: ImportGap[]): OdcsQualityRule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    gaps.push({ where, message: 'quality is not a list: dropped' });
    return [];
  }
  return value.flatMap((rule, i) => {
    if (!isObj(rule)) {
      gaps.push({ where: `${where}[${i}]`, message: 'quality rule is not an object: dropped' });
      return [];
    }
    return oneRule(rule, `${where}[${i}]`, gaps) ?? [];
  });
}
