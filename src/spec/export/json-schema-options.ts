import type { LogicalType, LogicalTypeOptions } from '../model/data-contract.js';
import { compact } from '../model/read-value.js';
import type { JsonSchema } from './json-schema-types.js';

/** JSON Schema keywords from ODCS `logicalTypeOptions`, and the options no keyword can express. */
export interface MappedOptions {
  readonly keywords: JsonSchema;
  /** Kept as the `x-odcs-logicalTypeOptions` annotation, in the contract's key order. */
  readonly unmapped: Readonly<Record<string, unknown>>;
}

// The formats JSON Schema 2020-12 defines; an ODCS string format outside this set (`password`,
// `binary`, ...) is not a JSON Schema format and stays an annotation.
const JSON_SCHEMA_FORMATS: ReadonlySet<string> = new Set([
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'idn-email',
  'hostname',
  'idn-hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'iri',
  'iri-reference',
  'uuid',
  'uri-template',
  'json-pointer',
  'relative-json-pointer',
  'regex',
]);

type Used = Set<keyof LogicalTypeOptions>;

function take<K extends keyof LogicalTypeOptions>(options: LogicalTypeOptions, key: K, used: Used) {
  if (options[key] !== undefined) used.add(key);
  return options[key];
}

function stringKeywords(options: LogicalTypeOptions, used: Used): JsonSchema {
  const { format } = options;
  const known = format !== undefined && JSON_SCHEMA_FORMATS.has(format);
  // OpenAPI's `byte` is base64 text, which JSON Schema says with contentEncoding.
  if (known || format === 'byte') used.add('format');
  return compact({
    format: known ? format : undefined,
    contentEncoding: format === 'byte' ? 'base64' : undefined,
    pattern: take(options, 'pattern', used),
    minLength: take(options, 'minLength', used),
    maxLength: take(options, 'maxLength', used),
  });
}

function numericKeywords(options: LogicalTypeOptions, used: Used): JsonSchema {
  const num = (key: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum') => {
    const value = options[key];
    if (typeof value !== 'number') return undefined;
    used.add(key);
    return value;
  };
  let minimum = num('minimum');
  let maximum = num('maximum');
  let exclusiveMinimum = num('exclusiveMinimum');
  let exclusiveMaximum = num('exclusiveMaximum');
  // Draft-4 style booleans: `exclusiveMinimum: true` makes `minimum` exclusive.
  if (options.exclusiveMinimum === true && minimum !== undefined) {
    [exclusiveMinimum, minimum] = [minimum, undefined];
    used.add('exclusiveMinimum');
  }
  if (options.exclusiveMaximum === true && maximum !== undefined) {
    [exclusiveMaximum, maximum] = [maximum, undefined];
    used.add('exclusiveMaximum');
  }
  return compact({
    minimum,
    exclusiveMinimum,
    maximum,
    exclusiveMaximum,
    multipleOf: take(options, 'multipleOf', used),
  });
}

function arrayKeywords(options: LogicalTypeOptions, used: Used): JsonSchema {
  return compact({
    minItems: take(options, 'minItems', used),
    maxItems: take(options, 'maxItems', used),
    uniqueItems: take(options, 'uniqueItems', used),
  });
}

function objectKeywords(options: LogicalTypeOptions, used: Used): JsonSchema {
  return compact({
    minProperties: take(options, 'minProperties', used),
    maxProperties: take(options, 'maxProperties', used),
  });
}

function keywordsFor(
  logicalType: LogicalType | undefined,
  options: LogicalTypeOptions,
  used: Used,
): JsonSchema {
  switch (logicalType) {
    case 'string':
      return stringKeywords(options, used);
    case 'number':
    case 'integer':
      return numericKeywords(options, used);
    case 'array':
      return arrayKeywords(options, used);
    case 'object':
      return objectKeywords(options, used);
    default:
      // Temporal bounds are strings ("2020-01-01") that JSON Schema cannot compare.
      return {};
  }
}

/** Splits `logicalTypeOptions` into JSON Schema keywords and annotations, by logical type. */
export function mapLogicalTypeOptions(
  logicalType: LogicalType | undefined,
  options: LogicalTypeOptions,
): MappedOptions {
  const used: Used = new Set();
  const keywords = keywordsFor(logicalType, options, used);
  const unmapped = Object.fromEntries(
    Object.entries(options).filter(
      ([key, value]) => value !== undefined && !used.has(key as keyof LogicalTypeOptions),
    ),
  );
  return { keywords, unmapped };
}
