import type { JsonPath } from '../diagnostic.js';
import { DURATION_PATTERN, SIZE_PATTERN } from '../model/quota-units.js';
import { describeTypes, describeValueType, listNames, showValue } from './describe-value.js';
import { type Finding, fieldName, keyOrValue, sentence, valueFinding } from './finding.js';
import { isRecord } from './is-record.js';
import { mergedValues } from './merge-errors.js';
import { rangeFinding } from './range-finding.js';
import type { SchemaError } from './schema-error.js';
import { suggestName } from './suggest-name.js';
import { unknownPropertyFinding } from './unknown-property-finding.js';

const FORMAT_HINTS: Readonly<Record<string, string>> = {
  'date-time': 'write an RFC 3339 date-time such as `2024-05-01T12:00:00Z`',
  date: 'write a date as YYYY-MM-DD, such as `2024-05-01`',
  time: 'write a time such as `12:00:00Z`',
  uri: 'write an absolute URI such as `https://example.com/docs`',
  email: 'write an e-mail address such as `alice@example.com`',
};

/** Plain words for the patterns people meet most. */
const PATTERN_HINTS: Readonly<Record<string, string>> = {
  '^[a-z][a-z0-9_-]*$': 'use lower-case letters, digits, `_` and `-`, starting with a letter',
  '^[a-z][a-z0-9_]*$': 'use lower-case letters, digits and `_`, starting with a letter',
  '^[A-Za-z0-9_-]+$': 'use only letters, digits, `_` and `-`',
  [SIZE_PATTERN]: 'write a size such as `10GB`, `1.5TB` or `500MiB`',
  [DURATION_PATTERN]: 'write a duration such as `2h`, `30m` or `90s`',
};

/** Turns one (reduced, merged) schema error into a plain-English finding. */
export function toFinding(error: SchemaError, root: object): Finding {
  const field = fieldName(error.path);
  switch (error.keyword) {
    case 'required':
      return requiredFinding(error.path, mergedValues(error).map(String));
    case 'requiredOneOf':
      return {
        code: 'schema-required',
        path: error.path,
        target: keyOrValue(error.path),
        message: `${sentence(field)} needs one of the fields ${listNames(asList(error.params.alternatives))}.`,
      };
    case 'misspelledRequired': {
      const { missingProperty: meant, misspelledAs: written } = error.params;
      return {
        code: 'schema-required',
        path: [...error.path, String(written)],
        target: 'key',
        message: `${sentence(field)} is missing the required field \`${meant}\`; \`${written}\` looks like a misspelling of it.`,
        hint: `rename \`${written}\` to \`${meant}\``,
      };
    }
    case 'dependentRequired':
      return {
        code: 'schema-required',
        path: error.path,
        target: keyOrValue(error.path),
        message: `${sentence(field)} is missing the field \`${error.params.missingProperty}\`, which is required when \`${error.params.property}\` is set.`,
      };
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return unknownPropertyFinding(error, root);
    case 'type': {
      const types = mergedValues(error).flatMap((t) => String(t).split(','));
      return valueFinding(
        'schema-type',
        error.path,
        `Wrong type for ${field}: expected ${describeTypes(types)}, got ${describeValueType(error.data)}.`,
      );
    }
    case 'enum':
    case 'const':
      return allowedValuesFinding(error, field);
    case 'pattern':
      return valueFinding(
        'schema-pattern',
        error.path,
        `${sentence(field)} must match the pattern \`${error.params.pattern}\` (got ${showValue(error.data)}).`,
        PATTERN_HINTS[String(error.params.pattern)],
      );
    case 'format': {
      const format = String(error.params.format);
      return valueFinding(
        'schema-format',
        error.path,
        `${sentence(field)} is not a valid ${format} (got ${showValue(error.data)}).`,
        FORMAT_HINTS[format],
      );
    }
    case 'uniqueItems': {
      const [first, second] = [Number(error.params.j), Number(error.params.i)].sort((a, b) => a - b);
      const at = [...error.path, second ?? 0];
      return valueFinding(
        'schema-unique-items',
        at,
        `${sentence(field)} lists the same item twice: items ${first} and ${second} (counting from 0) are equal.`,
      );
    }
    case 'not':
      return notFinding(error, field);
    case 'oneOf':
      return valueFinding(
        'schema-invalid',
        error.path,
        Array.isArray(error.params.passingSchemas)
          ? `${sentence(field)} matches more than one of the shapes allowed here; it must match exactly one.`
          : `${sentence(field)} matches none of the shapes allowed here.`,
      );
    case 'anyOf':
      return valueFinding(
        'schema-invalid',
        error.path,
        `${sentence(field)} matches none of the shapes allowed here.`,
      );
    default:
      return (
        rangeFinding(error, field) ??
        valueFinding('schema-invalid', error.path, `${sentence(field)} is invalid: it ${error.ajvMessage}.`)
      );
  }
}

function requiredFinding(path: JsonPath, missing: readonly string[]): Finding {
  const fields = missing.length === 1 ? 'field' : 'fields';
  const names = missing.map((m) => `\`${m}\``);
  const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return {
    code: 'schema-required',
    path,
    target: keyOrValue(path),
    message: `${sentence(fieldName(path))} is missing the required ${fields} ${list}.`,
  };
}

function allowedValuesFinding(error: SchemaError, field: string): Finding {
  const allowed = mergedValues(error);
  const written = showValue(error.data);
  const code = error.keyword === 'const' ? 'schema-const' : 'schema-enum';
  if (allowed.length === 1) {
    return valueFinding(
      code,
      error.path,
      `${sentence(field)} must be \`${String(allowed[0])}\` (got ${written}).`,
    );
  }
  const meant = typeof error.data === 'string' ? suggestName(error.data, allowed.map(String)) : undefined;
  return valueFinding(
    code,
    error.path,
    `${sentence(field)} must be one of ${listNames(allowed)} (got ${written}).`,
    meant === undefined ? undefined : `did you mean \`${meant}\`?`,
  );
}

/** `not: {required: [from]}` forbids a field: point at it when it is there. */
function notFinding(error: SchemaError, field: string): Finding {
  const forbidden = isRecord(error.schema) ? error.schema.required : undefined;
  if (!Array.isArray(forbidden) || forbidden.length === 0) {
    return valueFinding(
      'schema-invalid',
      error.path,
      `${sentence(field)} has a shape the standard forbids here.`,
    );
  }
  const message = `${sentence(field)} must not have the field ${listNames(forbidden)} here.`;
  const [first] = forbidden;
  if (forbidden.length === 1 && isRecord(error.data) && typeof first === 'string' && first in error.data) {
    return { code: 'schema-invalid', path: [...error.path, first], target: 'key', message };
  }
  return valueFinding('schema-invalid', error.path, message);
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
