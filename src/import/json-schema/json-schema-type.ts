import type { LogicalType } from '../odcs-types.js';

/** The logical type and implied options of a JSON Schema `type` with its `format`. */
export interface JsonTypeMapping {
  readonly logicalType: LogicalType;
  readonly options?: Readonly<Record<string, unknown>>;
}

const STRING_FORMATS: Readonly<Record<string, JsonTypeMapping>> = {
  date: { logicalType: 'date' },
  // RFC 3339 date-times carry an offset: they are instants.
  'date-time': { logicalType: 'timestamp', options: { timezone: true } },
  time: { logicalType: 'time' },
};

const NUMBER_FORMATS: Readonly<Record<string, string>> = { float: 'f32', double: 'f64' };
const INTEGER_FORMATS: Readonly<Record<string, string>> = { int32: 'i32', int64: 'i64' };

/**
 * ODCS type of one JSON Schema type: string formats date, date-time and time become date,
 * timestamp and time; other string formats stay as `format`; OpenAPI's int32/int64/float/double
 * become ODCS's integer and number formats. Undefined for `null`.
 */
export function jsonSchemaType(type: string, format: string | undefined): JsonTypeMapping | undefined {
  switch (type) {
    case 'string': {
      const temporal = format === undefined ? undefined : STRING_FORMATS[format];
      if (temporal !== undefined) return temporal;
      return format === undefined
        ? { logicalType: 'string' }
        : { logicalType: 'string', options: { format } };
    }
    case 'integer': {
      const f = format === undefined ? undefined : INTEGER_FORMATS[format];
      return f === undefined
        ? { logicalType: 'integer' }
        : { logicalType: 'integer', options: { format: f } };
    }
    case 'number': {
      const f = format === undefined ? undefined : NUMBER_FORMATS[format];
      return f === undefined ? { logicalType: 'number' } : { logicalType: 'number', options: { format: f } };
    }
    case 'boolean':
    case 'object':
    case 'array':
      return { logicalType: type };
    default:
      return undefined;
  }
}
