import { describeValueType } from './describe-value.js';
import { type Finding, sentence, valueFinding } from './finding.js';
import type { SchemaError } from './schema-error.js';

const COMPARISON_WORDS: Readonly<Record<string, string>> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'greater than',
  '<': 'less than',
};

const SIZE_UNITS: Readonly<Record<string, [string, string, 'min' | 'max']>> = {
  minLength: ['character', 'characters', 'min'],
  maxLength: ['character', 'characters', 'max'],
  minItems: ['item', 'items', 'min'],
  maxItems: ['item', 'items', 'max'],
  minProperties: ['field', 'fields', 'min'],
  maxProperties: ['field', 'fields', 'max'],
};

/**
 * A `schema-range` finding for the bound keywords (minimum, exclusiveMaximum, minLength,
 * maxItems, multipleOf, ...), or undefined for any other keyword.
 */
export function rangeFinding(error: SchemaError, field: string): Finding | undefined {
  const subject = sentence(field);
  const limit = Number(error.params.limit);
  switch (error.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const words = COMPARISON_WORDS[String(error.params.comparison)] ?? 'within';
      return valueFinding(
        'schema-range',
        error.path,
        `${subject} must be ${words} ${limit} (got ${String(error.data)}).`,
      );
    }
    case 'multipleOf':
      return valueFinding(
        'schema-range',
        error.path,
        `${subject} must be a multiple of ${String(error.params.multipleOf)} (got ${String(error.data)}).`,
      );
    default: {
      const unit = SIZE_UNITS[error.keyword];
      if (unit === undefined) return undefined;
      const [one, many, side] = unit;
      if (side === 'min' && limit === 1)
        return valueFinding('schema-range', error.path, `${subject} must not be empty.`);
      const bound = side === 'min' ? 'at least' : 'at most';
      const has = sizeOf(error.data);
      const got = has === undefined ? describeValueType(error.data) : `${has}`;
      return valueFinding(
        'schema-range',
        error.path,
        `${subject} must have ${bound} ${limit} ${limit === 1 ? one : many} (has ${got}).`,
      );
    }
  }
}

function sizeOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return undefined;
}
