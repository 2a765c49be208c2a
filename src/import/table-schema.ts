import { compact } from '../spec/model/read-value.js';
import { type ColumnType, columnType, type SourceEngine } from './column-type.js';
import { fitOptions } from './fit-options.js';
import type { ImportedColumn, ImportedTable, ImportGap } from './imported-table.js';
import type { OdcsProperty, OdcsQualityRule, OdcsRelationship, OdcsSchemaObject } from './odcs-types.js';
import { inReadingOrder } from './property-order.js';
import { validValuesRule } from './valid-values-rule.js';

/** How a table becomes a schema object. */
export interface TableSchemaOptions {
  readonly engine: SourceEngine;
  /** The schema object's `name` (default: the table name). */
  readonly objectName?: string;
  /** The column names the contract uses (default: the source names). */
  readonly columnName?: (column: string) => string;
  /** The table name foreign keys point at (default: the source name); undefined drops the key. */
  readonly tableName?: (table: string) => string | undefined;
}

/** ODCS's shorthand reference: `table.column`. */
const SHORTHAND = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

function typed(type: ColumnType, where: string, gaps: ImportGap[]): OdcsProperty {
  return compact({
    logicalType: type.logicalType,
    logicalTypeOptions: fitOptions(type.logicalType, type.logicalTypeOptions ?? {}, where, gaps),
    physicalType: type.physicalType,
  });
}

function property(
  table: ImportedTable,
  column: ImportedColumn,
  options: TableSchemaOptions,
  gaps: ImportGap[],
): OdcsProperty {
  const where = `${table.name}.${column.name}`;
  const type = columnType(column.dataType, {
    engine: options.engine,
    ...(column.enumValues === undefined ? {} : { enumValues: column.enumValues }),
  });
  if (type.gap !== undefined) gaps.push({ where, message: type.gap });
  const name = options.columnName?.(column.name) ?? column.name;
  const position = table.primaryKey.indexOf(column.name);
  // A one-column key is unique on its own; a column of a composite key is not.
  const unique =
    table.uniqueKeys.some((k) => k.length === 1 && k[0] === column.name) ||
    (table.primaryKey.length === 1 && position === 0);
  return inReadingOrder(
    compact({
      name,
      physicalName: name,
      ...typed(type, where, gaps),
      required: !column.nullable || position >= 0 ? true : undefined,
      unique: unique ? true : undefined,
      primaryKey: position >= 0 ? true : undefined,
      primaryKeyPosition: position >= 0 ? position + 1 : undefined,
      description: column.comment,
      quality: type.validValues === undefined ? undefined : [validValuesRule(type.validValues)],
      items: type.items === undefined ? undefined : typed(type.items, `${where}[]`, gaps),
      customProperties:
        column.defaultValue === undefined
          ? undefined
          : [{ property: 'defaultValue', value: column.defaultValue }],
    }),
  );
}

/** Composite unique keys as ODCS says them: a `duplicateValues` rule over the key's columns. */
function uniqueRules(table: ImportedTable, columnName: (c: string) => string): OdcsQualityRule[] {
  return table.uniqueKeys
    .filter((key) => key.length > 1)
    .map((key) => ({
      type: 'library',
      metric: 'duplicateValues',
      arguments: { properties: key.map(columnName) },
      mustBe: 0,
      dimension: 'uniqueness',
      description: `(${key.join(', ')}) is unique in the source.`,
    }));
}

/** Foreign keys as schema-level ODCS relationships (`from`/`to` as `table.column`). */
function relationships(
  table: ImportedTable,
  objectName: string,
  options: TableSchemaOptions,
  gaps: ImportGap[],
): OdcsRelationship[] {
  const columnName = options.columnName ?? ((c: string) => c);
  return table.foreignKeys.flatMap((fk) => {
    const target =
      options.tableName === undefined ? fk.referencedTable : options.tableName(fk.referencedTable);
    const where = `${table.name}(${fk.columns.join(', ')})`;
    if (target === undefined) return [];
    const from = fk.columns.map((c) => `${objectName}.${columnName(c)}`);
    const to = fk.referencedColumns.map((c) => `${target}.${columnName(c)}`);
    if (![...from, ...to].every((ref) => SHORTHAND.test(ref)) || from.length !== to.length) {
      gaps.push({
        where,
        message: `foreign key to ${fk.referencedTable}(${fk.referencedColumns.join(', ')}) dropped: ODCS relationships need plain table.column names`,
      });
      return [];
    }
    const single = from.length === 1 && to.length === 1;
    return [
      {
        type: 'foreignKey' as const,
        from: single ? (from[0] as string) : from,
        to: single ? (to[0] as string) : to,
      },
    ];
  });
}

/**
 * One imported table as an ODCS schema object: columns as properties (types from
 * {@link columnType}, `required` from NOT NULL, the primary key with its positions, `unique` from
 * one-column unique keys, comments as descriptions, enums as allowed values, defaults as a
 * `defaultValue` custom property), composite unique keys as `duplicateValues` rules and foreign
 * keys as relationships. Approximated types are reported in `gaps`. Pure.
 */
export function tableSchema(
  table: ImportedTable,
  options: TableSchemaOptions,
  gaps: ImportGap[],
): OdcsSchemaObject {
  const objectName = options.objectName ?? table.name;
  const columnName = options.columnName ?? ((c: string) => c);
  const quality = uniqueRules(table, columnName);
  const links = relationships(table, objectName, options, gaps);
  return compact({
    name: objectName,
    physicalName: table.name,
    physicalType: 'table',
    logicalType: 'object' as const,
    description: table.comment,
    quality: quality.length > 0 ? quality : undefined,
    properties: table.columns.map((c) => property(table, c, options, gaps)),
    relationships: links.length > 0 ? links : undefined,
  });
}
