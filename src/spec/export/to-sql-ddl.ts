import type { DataContract, Property, SchemaObject } from '../model/data-contract.js';
import { isRequired } from './property-facts.js';
import { sqlColumnType } from './sql-column-type.js';
import type { SqlDialect, SqlDialectName } from './sql-dialect.js';
import { SQL_DIALECTS } from './sql-dialects.js';

/** Options of {@link contractToSqlDdl}. */
export interface SqlDdlExportOptions {
  readonly dialect: SqlDialectName;
}

/** One property per physical name; the first wins, as in the other exports. */
function columns(object: SchemaObject): readonly Property[] {
  const seen = new Set<string>();
  return object.properties.filter((p) => !seen.has(p.physicalName) && seen.add(p.physicalName));
}

/** Primary-key columns by `primaryKeyPosition`, then in declaration order (a stable sort). */
function primaryKey(properties: readonly Property[]): readonly Property[] {
  const position = (p: Property) => p.primaryKeyPosition ?? Number.POSITIVE_INFINITY;
  return properties.filter((p) => p.primaryKey).sort((a, b) => position(a) - position(b));
}

function createTable(object: SchemaObject, properties: readonly Property[], dialect: SqlDialect): string {
  const q = dialect.quoteIdentifier;
  const lines = properties.map(
    (p) => `  ${q(p.physicalName)} ${sqlColumnType(p, dialect)}${isRequired(p) ? ' NOT NULL' : ''}`,
  );
  const key = primaryKey(properties);
  if (key.length > 0) lines.push(`  PRIMARY KEY (${key.map((p) => q(p.physicalName)).join(', ')})`);
  return `CREATE TABLE ${q(object.physicalName)} (\n${lines.join(',\n')}\n);`;
}

function comments(object: SchemaObject, properties: readonly Property[], dialect: SqlDialect): string[] {
  if (!dialect.supportsComments) return [];
  const table = dialect.quoteIdentifier(object.physicalName);
  const out: string[] = [];
  if (object.description !== undefined) {
    out.push(`COMMENT ON TABLE ${table} IS ${dialect.stringLiteral(object.description)};`);
  }
  for (const p of properties) {
    if (p.description === undefined) continue;
    const column = `${table}.${dialect.quoteIdentifier(p.physicalName)}`;
    out.push(`COMMENT ON COLUMN ${column} IS ${dialect.stringLiteral(p.description)};`);
  }
  return out;
}

function objectStatements(object: SchemaObject, dialect: SqlDialect): readonly string[] {
  const properties = columns(object);
  if (properties.length === 0) return [];
  return [createTable(object, properties, dialect), ...comments(object, properties, dialect)];
}

/**
 * The DDL statements for every schema object with at least one property (a table needs a
 * column), each complete and ending in `;`: CREATE TABLE, then COMMENT ON for descriptions.
 * Suited to running one by one.
 */
export function contractToSqlStatements(
  contract: DataContract,
  options: SqlDdlExportOptions,
): readonly string[] {
  const dialect = SQL_DIALECTS[options.dialect];
  return contract.schema.flatMap((object) => objectStatements(object, dialect));
}

/**
 * A SQL script creating one table per schema object of the contract, in the given dialect: the
 * statements of {@link contractToSqlStatements}, a blank line between tables, and a `--` note
 * for each schema object without properties. Tables are named by physical name, unqualified:
 * the caller picks the database schema (search_path).
 */
export function contractToSqlDdl(contract: DataContract, options: SqlDdlExportOptions): string {
  const dialect = SQL_DIALECTS[options.dialect];
  const blocks = contract.schema.map((object) => {
    const statements = objectStatements(object, dialect);
    if (statements.length > 0) return statements.join('\n');
    return `-- Schema object "${object.name.replace(/[\r\n]+/g, ' ')}" has no properties: no table.`;
  });
  return `${blocks.join('\n\n')}\n`;
}
