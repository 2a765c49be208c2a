import type { Property } from '../model/data-contract.js';
import type { AvroLogical, AvroPrimitive } from './avro-types.js';
import { parseDecimalType } from './decimal-type.js';

// Physical integer types of at most 32 bits, across engines. INT8 is left out: it is 64 bits in
// PostgreSQL and 8 in ClickHouse, and `long` is the safe reading of both.
const INT32_PHYSICAL: ReadonlySet<string> = new Set([
  'int',
  'integer',
  'int4',
  'int32',
  'smallint',
  'int2',
  'int16',
  'tinyint',
  'mediumint',
  'serial',
  'serial4',
  'smallserial',
  'serial2',
]);
const INT32_FORMATS: ReadonlySet<string> = new Set(['i8', 'i16', 'i32', 'u8', 'u16']);

/** The type name of a physical type, lower-cased, without its parameters: `INT(11)` → `int`. */
function physicalBaseName(physicalType: string | undefined): string | undefined {
  return physicalType
    ?.trim()
    .match(/^[A-Za-z][A-Za-z0-9_]*/)?.[0]
    ?.toLowerCase();
}

/** `int` when the contract's integer format, else its physical type, fits in 32 bits. */
function integerType(property: Property): AvroPrimitive {
  const format = property.logicalTypeOptions.format;
  if (format !== undefined) return INT32_FORMATS.has(format) ? 'int' : 'long';
  const base = physicalBaseName(property.physicalType);
  return base !== undefined && INT32_PHYSICAL.has(base) ? 'int' : 'long';
}

function numberType(property: Property): AvroPrimitive | AvroLogical {
  const decimal = parseDecimalType(property.physicalType);
  if (decimal !== undefined) return { type: 'bytes', logicalType: 'decimal', ...decimal };
  return property.logicalTypeOptions.format === 'f32' ? 'float' : 'double';
}

/**
 * The Avro type of a property whose logical type is not structured (object and array are built
 * by to-avro.ts). A property without a logical type is a `string`.
 */
export function avroScalarType(property: Property): AvroPrimitive | AvroLogical {
  switch (property.logicalType) {
    case 'date':
      return { type: 'int', logicalType: 'date' };
    case 'timestamp':
      return { type: 'long', logicalType: 'timestamp-millis' };
    case 'time':
      return { type: 'int', logicalType: 'time-millis' };
    case 'integer':
      return integerType(property);
    case 'number':
      return numberType(property);
    case 'boolean':
      return 'boolean';
    case 'string':
      return property.logicalTypeOptions.format === 'uuid'
        ? { type: 'string', logicalType: 'uuid' }
        : 'string';
    default:
      return 'string';
  }
}
