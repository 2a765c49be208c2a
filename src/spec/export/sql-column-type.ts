import type { LogicalType, Property } from '../model/data-contract.js';
import { parseDecimalType } from './decimal-type.js';
import { effectiveLogicalType } from './property-facts.js';
import type { SqlDialect, SqlTypeFamily } from './sql-dialect.js';
import { parsePhysicalType, type SqlPhysicalType } from './sql-physical-type.js';

/**
 * The type families that may store each logical type. A physical type may be more precise than
 * its logical type (INT4 for a number, TIMESTAMP for a date), never of another kind.
 */
const STORES: Readonly<Record<LogicalType, readonly SqlTypeFamily[]>> = {
  string: ['text', 'uuid', 'binary', 'xml'],
  integer: ['integer'],
  number: ['integer', 'decimal', 'float'],
  boolean: ['boolean'],
  date: ['date', 'timestamp', 'timestamptz'],
  timestamp: ['timestamp', 'timestamptz'],
  time: ['time'],
  object: ['json'],
  array: ['json'],
};

function fits(physical: SqlPhysicalType, property: Property): boolean {
  const logicalType = effectiveLogicalType(property);
  if (logicalType === undefined) return true;
  if (physical.array) {
    // `INTEGER[]` stores an array whose items are integers; `VARCHAR[]` is no string.
    const items = property.items === undefined ? undefined : effectiveLogicalType(property.items);
    return logicalType === 'array' && (items === undefined || STORES[items].includes(physical.spec.family));
  }
  // A time zone the logical type keeps must not be dropped by a TIMESTAMP column.
  if (logicalType === 'timestamp' && property.logicalTypeOptions.timezone === true) {
    return physical.spec.family === 'timestamptz';
  }
  return STORES[logicalType].includes(physical.spec.family);
}

function physicalColumnType(property: Property, dialect: SqlDialect): string | undefined {
  if (property.physicalType === undefined) return undefined;
  const physical = parsePhysicalType(property.physicalType, dialect);
  return physical !== undefined && fits(physical, property) ? physical.sql : undefined;
}

function isComposite(property: Property): boolean {
  const logicalType = effectiveLogicalType(property);
  return logicalType === 'object' || logicalType === 'array';
}

function objectType(property: Property, dialect: SqlDialect): string {
  if (!dialect.supportsStructTypes || property.properties.length === 0) return dialect.logicalTypes.json;
  const seen = new Set<string>();
  const fields = property.properties.filter((p) => !seen.has(p.physicalName) && seen.add(p.physicalName));
  return dialect.structType(fields.map((p) => ({ name: p.physicalName, type: sqlColumnType(p, dialect) })));
}

function arrayType(property: Property, dialect: SqlDialect): string {
  const items = property.items;
  if (items === undefined || (isComposite(items) && !dialect.supportsArraysOfComposites)) {
    return dialect.logicalTypes.json;
  }
  return dialect.arrayType(sqlColumnType(items, dialect));
}

function numberType(property: Property, dialect: SqlDialect): string {
  const decimal = parseDecimalType(property.physicalType);
  return decimal !== undefined && decimal.precision <= dialect.maxDecimalPrecision
    ? dialect.decimalType(decimal.precision, decimal.scale)
    : dialect.logicalTypes.number;
}

function logicalColumnType(property: Property, dialect: SqlDialect): string {
  const names = dialect.logicalTypes;
  switch (effectiveLogicalType(property)) {
    case 'object':
      return objectType(property, dialect);
    case 'array':
      return arrayType(property, dialect);
    case 'number':
      return numberType(property, dialect);
    case 'timestamp':
      return property.logicalTypeOptions.timezone === true ? names.timestamptz : names.timestamp;
    case undefined:
    case 'string':
      return names.string;
    case 'date':
      return names.date;
    case 'time':
      return names.time;
    case 'integer':
      return names.integer;
    case 'boolean':
      return names.boolean;
  }
}

/**
 * The column type of a property: its `physicalType` when that is a built-in type of the dialect
 * that can store the logical type, else the dialect's type for the logical type. A property
 * without either is text.
 */
export function sqlColumnType(property: Property, dialect: SqlDialect): string {
  return physicalColumnType(property, dialect) ?? logicalColumnType(property, dialect);
}
