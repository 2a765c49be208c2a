import type { LogicalType } from './odcs-types.js';

/** The database a type name comes from; a few names mean different things in each. */
export type SourceEngine = 'postgres' | 'mysql';

/** A source column type in ODCS terms. */
export interface ColumnType {
  readonly logicalType: LogicalType;
  /** The source's own type text, trimmed (`character varying(40)`, `int unsigned`). */
  readonly physicalType: string;
  readonly logicalTypeOptions?: Readonly<Record<string, unknown>>;
  /** For arrays: the element type. */
  readonly items?: ColumnType;
  /** For enums: the values the column allows. */
  readonly validValues?: readonly string[];
  /** Set when ODCS has no exact counterpart: what was approximated. */
  readonly gap?: string;
}

interface Parsed {
  readonly base: string;
  readonly params: readonly string[];
  readonly unsigned: boolean;
  readonly withTimeZone: boolean;
}

const INTEGER_FORMATS: Readonly<Record<string, readonly [string, string]>> = {
  tinyint: ['i8', 'u8'],
  int1: ['i8', 'u8'],
  smallint: ['i16', 'u16'],
  int2: ['i16', 'u16'],
  smallserial: ['i16', 'u16'],
  serial2: ['i16', 'u16'],
  year: ['i16', 'u16'],
  mediumint: ['i32', 'u32'],
  int: ['i32', 'u32'],
  integer: ['i32', 'u32'],
  int4: ['i32', 'u32'],
  serial: ['i32', 'u32'],
  serial4: ['i32', 'u32'],
  oid: ['i64', 'u32'],
  bigint: ['i64', 'u64'],
  int8: ['i64', 'u64'],
  bigserial: ['i64', 'u64'],
  serial8: ['i64', 'u64'],
};

const STRINGS = new Set([
  'text',
  'citext',
  'name',
  'tinytext',
  'mediumtext',
  'longtext',
  'inet',
  'cidr',
  'macaddr',
  'macaddr8',
  'xml',
]);
const SIZED_STRINGS = new Set([
  'varchar',
  'character varying',
  'char',
  'character',
  'bpchar',
  'nvarchar',
  'nchar',
]);
const BINARY = new Set(['bytea', 'blob', 'tinyblob', 'mediumblob', 'longblob', 'binary', 'varbinary']);
const DECIMALS = new Set(['numeric', 'decimal', 'dec', 'fixed', 'money']);
const FLOAT4 = new Set(['real', 'float4']);
const FLOAT8 = new Set(['double precision', 'double', 'float8']);

/** `character varying(40)` → base `character varying`, params [40]; `timestamp(3) with time zone` too. */
function parse(text: string): Parsed {
  const params: string[] = [];
  const withoutParams = text.replace(/\(([^)]*)\)/, (_, inside: string) => {
    params.push(...inside.split(',').map((p) => p.trim()));
    return '';
  });
  let base = withoutParams.replace(/\s+/g, ' ').trim();
  const withTimeZone = / with time zone$/.test(base);
  base = base.replace(/ with(out)? time zone$/, '');
  const unsigned = /\bunsigned\b/.test(base);
  base = base
    .replace(/\b(unsigned|signed|zerofill)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { base, params, unsigned, withTimeZone };
}

/** The quoted values of `enum('a','b')`, with `''` read as one quote. */
function enumValues(params: readonly string[]): string[] {
  return params.map((p) => p.replace(/^'(.*)'$/s, '$1').replaceAll("''", "'"));
}

function sized(value: string | undefined): number | undefined {
  const n = value === undefined ? Number.NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** `text` is the type as written, for messages; `parsed` its lower-case reading. */
function scalar(text: string, parsed: Parsed, engine: SourceEngine): Omit<ColumnType, 'physicalType'> {
  const { base, params, unsigned } = parsed;
  const integer = INTEGER_FORMATS[base];
  // MySQL's BOOLEAN is tinyint(1); bit(1) is a flag in both engines.
  if ((base === 'tinyint' && params[0] === '1') || (base === 'bit' && (params[0] ?? '1') === '1')) {
    return { logicalType: 'boolean' };
  }
  if (integer !== undefined) {
    return { logicalType: 'integer', logicalTypeOptions: { format: unsigned ? integer[1] : integer[0] } };
  }
  if (base === 'boolean' || base === 'bool') return { logicalType: 'boolean' };
  if (DECIMALS.has(base))
    return { logicalType: 'number', ...(unsigned ? { logicalTypeOptions: { minimum: 0 } } : {}) };
  if (FLOAT4.has(base) || (base === 'float' && engine === 'mysql' && params.length === 0)) {
    return { logicalType: 'number', logicalTypeOptions: { format: 'f32' } };
  }
  if (FLOAT8.has(base) || base === 'float')
    return { logicalType: 'number', logicalTypeOptions: { format: 'f64' } };
  if (SIZED_STRINGS.has(base)) {
    const max = sized(params[0]);
    return {
      logicalType: 'string',
      ...(max === undefined ? {} : { logicalTypeOptions: { maxLength: max } }),
    };
  }
  if (STRINGS.has(base)) return { logicalType: 'string' };
  if (base === 'uuid') return { logicalType: 'string', logicalTypeOptions: { format: 'uuid' } };
  if (BINARY.has(base)) return { logicalType: 'string', logicalTypeOptions: { format: 'binary' } };
  if (base === 'json' || base === 'jsonb') return { logicalType: 'object' };
  if (base === 'date') return { logicalType: 'date' };
  if (base === 'datetime' || base === 'smalldatetime') {
    return { logicalType: 'timestamp', logicalTypeOptions: { timezone: false } };
  }
  if (base === 'timestamptz') return { logicalType: 'timestamp', logicalTypeOptions: { timezone: true } };
  if (base === 'timestamp') {
    // A MySQL TIMESTAMP is stored in UTC and converted on read: an instant, like PostgreSQL's timestamptz.
    const timezone = parsed.withTimeZone || engine === 'mysql';
    return { logicalType: 'timestamp', logicalTypeOptions: { timezone } };
  }
  if (base === 'time' || base === 'timetz') return { logicalType: 'time' };
  if (base === 'enum') return { logicalType: 'string', validValues: enumValues(params) };
  if (base === 'set') {
    return { logicalType: 'string', gap: `'${text}' holds several values of a set; written as string` };
  }
  if (base === 'interval')
    return { logicalType: 'string', gap: `ODCS has no interval type: '${text}' written as string` };
  if (base === 'bit' || base === 'bit varying' || base === 'varbit') {
    return { logicalType: 'string', gap: `ODCS has no bit string type: '${text}' written as string` };
  }
  return { logicalType: 'string', gap: `unknown type '${text}': written as string` };
}

/**
 * The ODCS logical type, options and physical type of a column type as PostgreSQL or MySQL /
 * MariaDB spell it (`ImportedColumn.dataType`): `varchar(40)` → string with maxLength 40,
 * `numeric(10,2)` → number, `tinyint(1)` → boolean, `timestamp with time zone` → timestamp with
 * `timezone: true`, `integer[]` / `_int4` → array of integers, `enum('a','b')` → string with those
 * values. An unknown type is a string with a `gap` saying so. `enumValues` (from the catalog)
 * make any type an enum. Pure.
 */
export function columnType(
  dataType: string,
  options: { readonly engine?: SourceEngine; readonly enumValues?: readonly string[] } = {},
): ColumnType {
  const physicalType = dataType.trim();
  const text = physicalType.toLowerCase();
  const engine = options.engine ?? 'postgres';
  if (options.enumValues !== undefined && options.enumValues.length > 0) {
    return { logicalType: 'string', physicalType, validValues: [...options.enumValues] };
  }
  // PostgreSQL spells an array `integer[]`, its catalog `_int4`, information_schema `ARRAY`.
  const element = text.endsWith('[]')
    ? text.replace(/(\[\d*\])+$/, '')
    : /^_[a-z]/.test(text)
      ? text.slice(1)
      : undefined;
  if (element !== undefined) {
    const items = columnType(element, { engine });
    return {
      logicalType: 'array',
      physicalType,
      items,
      ...(items.gap === undefined ? {} : { gap: items.gap }),
    };
  }
  if (text === 'array') return { logicalType: 'array', physicalType };
  return { ...scalar(physicalType, parse(text), engine), physicalType };
}
