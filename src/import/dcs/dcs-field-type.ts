import type { LogicalType } from '../odcs-types.js';

/** What a Data Contract Specification field `type` means in ODCS. */
export interface DcsTypeMapping {
  readonly logicalType: LogicalType;
  /** Options implied by the type (`format: i64` for `long`, `timezone` for timestamps). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** For `array<T>`: the item type. */
  readonly items?: DcsTypeMapping;
  /** ODCS has no such type; the mapping is the nearest one (`map` becomes an object). */
  readonly approximate?: string;
}

const TYPES: ReadonlyMap<string, DcsTypeMapping> = new Map<string, DcsTypeMapping>([
  ...['string', 'text', 'varchar', 'char', 'nvarchar'].map((t) => [t, { logicalType: 'string' }] as const),
  ...['number', 'decimal', 'numeric'].map((t) => [t, { logicalType: 'number' }] as const),
  ...['int', 'integer', 'smallint', 'tinyint', 'short'].map(
    (t) => [t, { logicalType: 'integer', options: { format: 'i32' } }] as const,
  ),
  ...['long', 'bigint'].map((t) => [t, { logicalType: 'integer', options: { format: 'i64' } }] as const),
  ['float', { logicalType: 'number', options: { format: 'f32' } }],
  ['double', { logicalType: 'number', options: { format: 'f64' } }],
  ['boolean', { logicalType: 'boolean' }],
  ['timestamp', { logicalType: 'timestamp', options: { timezone: true } }],
  ['timestamp_tz', { logicalType: 'timestamp', options: { timezone: true } }],
  ['timestamp_ntz', { logicalType: 'timestamp', options: { timezone: false } }],
  ['date', { logicalType: 'date' }],
  ['time', { logicalType: 'time' }],
  ['bytes', { logicalType: 'string', options: { format: 'binary' } }],
  ...['object', 'record', 'struct'].map((t) => [t, { logicalType: 'object' }] as const),
  ['array', { logicalType: 'array' }],
  ['map', { logicalType: 'object', approximate: 'ODCS has no map type; written as an object' }],
]);

/**
 * The ODCS logical type of a DCS field type (case-insensitive; `array<T>` included). Undefined for
 * a type DCS does not define (and for `null`): the caller reports it.
 */
export function dcsFieldType(type: string): DcsTypeMapping | undefined {
  const normalized = type.trim().toLowerCase();
  const generic = /^array\s*<(.+)>$/.exec(normalized);
  if (generic?.[1] !== undefined) {
    const items = dcsFieldType(generic[1]);
    return items === undefined ? undefined : { logicalType: 'array', items };
  }
  return TYPES.get(normalized);
}
