/**
 * A contract's table as the runtime stores and checks it: the schema object a port uses, its
 * columns as engine-neutral ColumnSpecs and its primary key. Pure.
 */
import type { ColumnSpec } from '../engines/column-spec.js';
import { columnKind, columnType } from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { allowedValues } from '../spec/export/allowed-values.js';
import type {
  DataContract,
  LogicalTypeOptions,
  Property,
  SchemaObject,
} from '../spec/model/data-contract.js';

/** The schema object named like the port, else the contract's first one. */
export function portSchema(contract: DataContract, port: string): SchemaObject {
  const schema = contract.schema.find((s) => s.name === port) ?? contract.schema[0];
  if (schema === undefined || schema.properties.length === 0) {
    throw new MeshplaneError('INVALID_INPUT', `contract ${contract.id} declares no table with properties`);
  }
  return schema;
}

function bounds(options: LogicalTypeOptions): Partial<ColumnSpec> {
  const spec: { -readonly [K in keyof ColumnSpec]?: ColumnSpec[K] } = {};
  if (options.minimum !== undefined) spec.minimum = options.minimum;
  if (options.maximum !== undefined) spec.maximum = options.maximum;
  // Draft 4 marks the bound exclusive with a boolean; later drafts give the bound itself.
  if (typeof options.exclusiveMinimum === 'number') {
    spec.minimum = options.exclusiveMinimum;
    spec.exclusiveMinimum = true;
  } else if (options.exclusiveMinimum === true) spec.exclusiveMinimum = true;
  if (typeof options.exclusiveMaximum === 'number') {
    spec.maximum = options.exclusiveMaximum;
    spec.exclusiveMaximum = true;
  } else if (options.exclusiveMaximum === true) spec.exclusiveMaximum = true;
  return spec;
}

function scalars(values: readonly unknown[]): (string | number | boolean)[] {
  return values.filter(
    (v): v is string | number | boolean =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
  );
}

/** One property as a ColumnSpec: DuckDB type, required, and the record-level checks it declares. */
export function columnSpec(property: Property): ColumnSpec {
  const sqlType = columnType(property);
  const options = property.logicalTypeOptions;
  const allowed = allowedValues(property);
  return {
    name: property.physicalName,
    sqlType,
    kind: columnKind(sqlType),
    required: property.required || property.primaryKey,
    ...(options.pattern === undefined ? {} : { pattern: options.pattern }),
    ...(options.minLength === undefined ? {} : { minLength: options.minLength }),
    ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
    ...bounds(options),
    // A tolerant rule (`mustBeLessThan: 5, unit: percent`) is a dataset check, not a record check.
    ...(allowed?.strict === true ? { validValues: scalars(allowed.values) } : {}),
  };
}

/** The columns of a schema object; the first of two properties with one physical name wins. */
export function columnSpecs(schema: SchemaObject): ColumnSpec[] {
  const seen = new Set<string>();
  return schema.properties
    .filter((p) => !seen.has(p.physicalName.toLowerCase()) && seen.add(p.physicalName.toLowerCase()))
    .map(columnSpec);
}

/** Primary key columns by `primaryKeyPosition`, then declaration order. */
export function primaryKey(schema: SchemaObject): string[] {
  return schema.properties
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => p.primaryKey)
    .sort(
      (a, b) =>
        (a.p.primaryKeyPosition ?? Number.MAX_SAFE_INTEGER) -
          (b.p.primaryKeyPosition ?? Number.MAX_SAFE_INTEGER) || a.index - b.index,
    )
    .map(({ p }) => p.physicalName);
}
