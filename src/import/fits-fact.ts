import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FieldFact } from './odcs-facts.js';

/** True when `text` passes the `format` check Meshplane's validator applies (ajv-formats, full mode). */
export function passesFormat(format: string, text: string): boolean {
  const check = (fullFormats as Record<string, unknown>)[format];
  if (check instanceof RegExp) return check.test(text);
  if (typeof check === 'function') return Boolean((check as (s: string) => unknown)(text));
  if (typeof check === 'object' && check !== null && 'validate' in check) {
    const validate = (check as { validate: unknown }).validate;
    if (validate instanceof RegExp) return validate.test(text);
    if (typeof validate === 'function') return Boolean((validate as (s: string) => unknown)(text));
  }
  return true;
}

function hasType(type: string | undefined, value: unknown): boolean {
  switch (type) {
    case undefined:
      return true;
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

/** Whether `value` satisfies what ODCS declares for a field: JSON type, format, enum and bounds. */
export function fitsFact(fact: FieldFact, value: unknown): boolean {
  if (!hasType(fact.type, value)) return false;
  if (fact.enum !== undefined && !fact.enum.includes(value)) return false;
  if (typeof value === 'string' && fact.format !== undefined && !passesFormat(fact.format, value))
    return false;
  if (typeof value === 'number') {
    if (fact.minimum !== undefined && value < fact.minimum) return false;
    if (fact.exclusiveMinimum !== undefined && value <= fact.exclusiveMinimum) return false;
  }
  return true;
}

/**
 * A value coerced to what a field wants when the text says exactly that: `"5432"` for an integer
 * field becomes 5432. Nothing else is coerced (a number where a date bound is expected means
 * nothing as text). Undefined when the value cannot fit.
 */
export function coerceToFact(fact: FieldFact, value: unknown): unknown {
  if (fitsFact(fact, value)) return value;
  let coerced: unknown;
  if (
    (fact.type === 'integer' || fact.type === 'number') &&
    typeof value === 'string' &&
    value.trim() !== ''
  ) {
    coerced = Number(value);
  }
  return coerced !== undefined && fitsFact(fact, coerced) ? coerced : undefined;
}
