import { allowedValues } from '../spec/export/allowed-values.js';
import { isRequired } from '../spec/export/property-facts.js';
import type { Property } from '../spec/model/data-contract.js';
import type { CellValue } from './row-values.js';

/** What an input contract demands of one column's values, compiled once. */
export interface ValueRules {
  /** The property's `name`, the key of row values. */
  readonly name: string;
  readonly required: boolean;
  /** The closed set of values: a strict `invalidValues` rule's `validValues`, or a `^(a|b|c)$` pattern. */
  readonly allowed: readonly string[] | undefined;
  readonly pattern: RegExp | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  /** `logicalTypeOptions.format: email`. */
  readonly email: boolean;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/;
const ALTERNATIVES = /^\^\(([\w -]+(?:\|[\w -]+)*)\)\$$/;

function compile(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern, 'u');
  } catch {
    // A pattern JavaScript cannot read is the validator's to report, not a reason to stop here.
    return undefined;
  }
}

function bound(value: number | string | undefined): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return n === undefined || Number.isNaN(n) ? undefined : n;
}

/** The rules of a property: required, allowed values, pattern, bounds and e-mail format. */
export function valueRules(property: Property): ValueRules {
  const options = property.logicalTypeOptions;
  const allowed = allowedValues(property);
  const alternatives = options.pattern === undefined ? null : ALTERNATIVES.exec(options.pattern);
  return {
    name: property.name,
    required: isRequired(property),
    allowed: allowed?.strict === true ? allowed.values.map(String) : alternatives?.[1]?.split('|'),
    pattern: compile(options.pattern),
    minimum: bound(options.minimum),
    maximum: bound(options.maximum),
    email: options.format === 'email',
  };
}

/** Whether a value breaks the rules (null or absent breaks `required` only). */
export function violates(rules: ValueRules, value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return rules.required;
  if (rules.allowed !== undefined && !rules.allowed.includes(String(value))) return true;
  if (typeof value === 'string') {
    if (rules.pattern !== undefined && !rules.pattern.test(value)) return true;
    if (rules.email && !EMAIL.test(value)) return true;
  }
  if (typeof value === 'number') {
    if (rules.minimum !== undefined && value < rules.minimum) return true;
    if (rules.maximum !== undefined && value > rules.maximum) return true;
  }
  return false;
}
