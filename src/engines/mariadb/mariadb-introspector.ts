import { MeshplaneError } from '../../errors/index.js';
import type { ImportedColumn, ImportedForeignKey, ImportedTable } from '../../import/imported-table.js';
import type { Row, SqlValue } from '../engine.js';
import {
  COLUMNS_SQL,
  DATABASE_EXISTS_SQL,
  JSON_CHECKS_SQL,
  KEYS_SQL,
  tablesSql,
} from './mariadb-catalog-sql.js';
import { parseMariadbUrl } from './mariadb-config.js';
import { parseEnumValues } from './mariadb-dialect.js';
import { type MariadbConnectOptions, type MariadbDriver, withMariadb } from './mariadb-driver.js';

export interface MariadbIntrospectOptions extends MariadbConnectOptions {
  /** Also read views (default: tables only). */
  readonly views?: boolean;
}

/** Code point order, as PostgreSQL's catalog sorts names (the server's collation may differ). */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const text = (value: SqlValue | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function byTable(rows: readonly Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows) {
    const table = String(row.table_name);
    map.set(table, [...(map.get(table) ?? []), row]);
  }
  return map;
}

/** `json_valid(`doc`)` → `doc`. */
function checkedColumn(clause: string): string | undefined {
  const match = /^json_valid\(`((?:[^`]|``)+)`\)$/i.exec(clause.trim());
  return match?.[1]?.replaceAll('``', '`');
}

/** Auto-increment and generated columns have no default expression; say how their value is made. */
function defaultOf(row: Row): string | undefined {
  const extra = String(row.extra ?? '').toLowerCase();
  const generation = text(row.generation);
  if (generation !== undefined && extra.includes('generated')) {
    return `generated always as (${generation}) ${extra.startsWith('stored') ? 'stored' : 'virtual'}`;
  }
  if (extra.includes('auto_increment')) return 'auto_increment';
  const value = text(row.default_value);
  // MariaDB prints the implicit default of a nullable column as the text NULL.
  return value === undefined || value.toUpperCase() === 'NULL' ? undefined : value;
}

function column(row: Row, jsonColumns: ReadonlySet<string>): ImportedColumn {
  const name = String(row.name);
  const rawType = String(row.data_type);
  const comment = text(row.comment);
  const defaultValue = defaultOf(row);
  const enumValues = parseEnumValues(rawType);
  return {
    name,
    dataType: jsonColumns.has(name) && /^longtext$/i.test(rawType) ? 'json' : rawType,
    nullable: row.nullable === 'YES',
    ...(comment === undefined ? {} : { comment }),
    ...(defaultValue === undefined ? {} : { defaultValue }),
    ...(enumValues === undefined ? {} : { enumValues }),
  };
}

interface Keys {
  primaryKey: string[];
  uniqueKeys: string[][];
  foreignKeys: ImportedForeignKey[];
}

/** One table's key rows (one per key column, in key order) grouped into its keys. */
function keysOf(rows: readonly Row[], database: string): Keys {
  const keys: Keys = { primaryKey: [], uniqueKeys: [], foreignKeys: [] };
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(String(row.name), [...(groups.get(String(row.name)) ?? []), row]);
  for (const [name, group] of [...groups].sort(([a], [b]) => byName(a, b))) {
    const columns = group.map((r) => String(r.column_name));
    const first = group[0];
    if (first?.type === 'PRIMARY KEY') keys.primaryKey = columns;
    else if (first?.type === 'UNIQUE') keys.uniqueKeys.push(columns);
    else if (first?.type === 'FOREIGN KEY') {
      const schema = String(first.referenced_schema);
      const table = String(first.referenced_table);
      keys.foreignKeys.push({
        name,
        columns,
        // Another database's table keeps its database, so it is never mistaken for one of this one.
        referencedTable: schema === database ? table : `${schema}.${table}`,
        referencedColumns: group.map((r) => String(r.referenced_column)),
      });
    }
  }
  return keys;
}

async function jsonColumns(driver: MariadbDriver, database: string, signal?: AbortSignal) {
  const checks = await driver
    .query(JSON_CHECKS_SQL, [database], signal === undefined ? {} : { signal })
    .catch(() => [] as Row[]);
  const map = new Map<string, Set<string>>();
  for (const row of checks) {
    const name = checkedColumn(String(row.clause));
    if (name === undefined) continue;
    const table = String(row.table_name);
    map.set(table, (map.get(table) ?? new Set()).add(name));
  }
  return map;
}

/**
 * The tables of `database` on a connected server: columns in ordinal order with `COLUMN_TYPE`
 * text (MariaDB's JSON alias read back as `json`), nullability, defaults, comments and enum
 * values; primary key in key order; unique keys; foreign keys (multi-column); the storage engine's
 * row estimate. NOT_FOUND when the database does not exist.
 */
export async function introspectMariadbDatabase(
  driver: MariadbDriver,
  database: string,
  options: MariadbIntrospectOptions = {},
): Promise<ImportedTable[]> {
  const statement = options.signal === undefined ? {} : { signal: options.signal };
  if ((await driver.query(DATABASE_EXISTS_SQL, [database], statement)).length === 0) {
    throw new MeshplaneError(
      'NOT_FOUND',
      `mariadb ${driver.target}: database \`${database}\` does not exist`,
    );
  }
  const tables = await driver.query(tablesSql(options.views === true), [database], statement);
  const columns = byTable(await driver.query(COLUMNS_SQL, [database], statement));
  const keys = byTable(await driver.query(KEYS_SQL, [database], statement));
  const json = await jsonColumns(driver, database, options.signal);
  const sorted = [...tables].sort((a, b) => byName(String(a.name), String(b.name)));
  return sorted.map((row): ImportedTable => {
    const name = String(row.name);
    const comment = text(row.comment);
    const estimate = row.type === 'VIEW' ? undefined : text(row.estimated_rows);
    return {
      schema: database,
      name,
      ...(comment === undefined ? {} : { comment }),
      columns: (columns.get(name) ?? []).map((c) => column(c, json.get(name) ?? new Set())),
      ...keysOf(keys.get(name) ?? [], database),
      ...(estimate === undefined ? {} : { estimatedRows: Number(estimate) }),
    };
  });
}

/**
 * Reads the tables of `database` from the server at `url` (`mysql://` or `mariadb://`; the URL
 * need not name a database). UNAVAILABLE when the server cannot be reached
 * or refuses the sign-in, NOT_FOUND when the database does not exist; messages name
 * `host:port/database`, never the password.
 */
export function introspectMariadb(
  url: string,
  database: string,
  options: MariadbIntrospectOptions = {},
): Promise<ImportedTable[]> {
  return withMariadb(
    parseMariadbUrl(url),
    (driver) => introspectMariadbDatabase(driver, database, options),
    options,
  );
}
