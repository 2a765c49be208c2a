/**
 * Keeps a product table in step with its contract. A table that exists with other columns, types,
 * NOT NULL flags or primary key than the contract now declares is rebuilt in the caller's
 * transaction: a new table with the declared shape, the old rows copied over by column name
 * (cast to the new type; a new column starts NULL), then swapped in. A row that cannot take the
 * new shape (a NULL in a column that became NOT NULL, a value that does not cast) fails the
 * transaction, so the old table stays as it was.
 */
import {
  createTableSql,
  type DuckDBSession,
  qualifiedName,
  quoteIdentifier,
  quoteLiteral,
  type TableColumn,
} from '../engines/duckdb/index.js';

export type TableTarget = readonly [catalog: string, schema: string, name: string];

interface ColumnFacts {
  readonly name: string;
  readonly type: string;
  readonly notNull: boolean;
}

export type TableChange = 'created' | 'unchanged' | 'rebuilt';

async function relationKind(tx: DuckDBSession, [catalog, schema, name]: TableTarget) {
  const where = `database_name = ${quoteLiteral(catalog)} AND schema_name = ${quoteLiteral(schema)}`;
  const [table] = await tx.query(
    `SELECT 1 FROM duckdb_tables() WHERE ${where} AND table_name = ${quoteLiteral(name)}`,
  );
  if (table !== undefined) return 'table';
  const [view] = await tx.query(
    `SELECT 1 FROM duckdb_views() WHERE ${where} AND view_name = ${quoteLiteral(name)}`,
  );
  return view === undefined ? undefined : 'view';
}

async function columnFacts(tx: DuckDBSession, [catalog, schema, name]: TableTarget): Promise<ColumnFacts[]> {
  const rows = await tx.query(
    `SELECT column_name, data_type, NOT is_nullable AS not_null FROM duckdb_columns()
      WHERE database_name = ${quoteLiteral(catalog)} AND schema_name = ${quoteLiteral(schema)}
        AND table_name = ${quoteLiteral(name)} ORDER BY column_index`,
  );
  return rows.map((r) => ({
    name: String(r.column_name),
    type: String(r.data_type),
    notNull: r.not_null === true,
  }));
}

async function primaryKeyOf(tx: DuckDBSession, [catalog, schema, name]: TableTarget): Promise<string[]> {
  const rows = await tx.query(
    `SELECT constraint_column_names AS names FROM duckdb_constraints()
      WHERE database_name = ${quoteLiteral(catalog)} AND schema_name = ${quoteLiteral(schema)}
        AND table_name = ${quoteLiteral(name)} AND constraint_type = 'PRIMARY KEY'`,
  );
  const names = rows[0]?.names;
  return Array.isArray(names) ? names.map(String) : [];
}

function sameShape(a: readonly ColumnFacts[], b: readonly ColumnFacts[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => c.name === b[i]?.name && c.type === b[i]?.type && c.notNull === b[i]?.notNull)
  );
}

/**
 * Creates the table, or rebuilds it when its shape differs from `columns` + `primaryKey`. A view
 * of that name (a port that was served as a view over another major) is dropped first.
 */
export async function ensureTable(
  tx: DuckDBSession,
  target: TableTarget,
  columns: readonly TableColumn[],
  primaryKey: readonly string[],
): Promise<TableChange> {
  const [catalog, schema, name] = target;
  const kind = await relationKind(tx, target);
  if (kind === 'view') await tx.run(`DROP VIEW ${qualifiedName(...target)}`);
  if (kind !== 'table') {
    await tx.run(createTableSql(target, columns, primaryKey));
    return 'created';
  }
  // The declared shape as DuckDB spells it: a probe table with the same DDL.
  const probe: TableTarget = [catalog, schema, `${name}__meshplane_new`];
  await tx.run(`DROP TABLE IF EXISTS ${qualifiedName(...probe)}`);
  await tx.run(createTableSql(probe, columns, primaryKey));
  const before = await columnFacts(tx, target);
  const after = await columnFacts(tx, probe);
  const keyBefore = await primaryKeyOf(tx, target);
  const keyAfter = await primaryKeyOf(tx, probe);
  if (sameShape(before, after) && keyBefore.join('\u0000') === keyAfter.join('\u0000')) {
    await tx.run(`DROP TABLE ${qualifiedName(...probe)}`);
    return 'unchanged';
  }
  const kept = new Set(before.map((c) => c.name));
  const select = after
    .map((c) =>
      kept.has(c.name)
        ? `CAST(${quoteIdentifier(c.name)} AS ${c.type}) AS ${quoteIdentifier(c.name)}`
        : `CAST(NULL AS ${c.type}) AS ${quoteIdentifier(c.name)}`,
    )
    .join(', ');
  await tx.run(`INSERT INTO ${qualifiedName(...probe)} SELECT ${select} FROM ${qualifiedName(...target)}`);
  await tx.run(`DROP TABLE ${qualifiedName(...target)}`);
  await tx.run(`ALTER TABLE ${qualifiedName(...probe)} RENAME TO ${quoteIdentifier(name)}`);
  return 'rebuilt';
}

/** Drops the table or view `target` if it exists (a port version that was retired). */
export async function dropRelation(tx: DuckDBSession, target: TableTarget): Promise<void> {
  const kind = await relationKind(tx, target);
  if (kind === 'table') await tx.run(`DROP TABLE ${qualifiedName(...target)}`);
  if (kind === 'view') await tx.run(`DROP VIEW ${qualifiedName(...target)}`);
}

/** Replaces whatever stands at `target` with a view defined by `select`. */
export async function ensureView(tx: DuckDBSession, target: TableTarget, select: string): Promise<void> {
  if ((await relationKind(tx, target)) === 'table') await tx.run(`DROP TABLE ${qualifiedName(...target)}`);
  await tx.run(`CREATE OR REPLACE VIEW ${qualifiedName(...target)} AS ${select}`);
}
