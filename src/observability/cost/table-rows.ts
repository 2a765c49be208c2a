/** Row counts of output tables, from DuckDB's catalog (metadata, no scan). */
import { type DuckDBDriver, quoteLiteral } from '../../engines/duckdb/index.js';

/** An output table: its product's catalog alias in the hub and its name in schema `main`. */
export interface TableRef {
  readonly alias: string;
  readonly table: string;
}

/** The key of a table in the map `estimatedRows` returns. */
export const tableKey = (ref: TableRef): string => `${ref.alias}\u0000${ref.table}`;

/** The catalog query for the output tables of these product catalogs. */
export function tableRowsSql(aliases: readonly string[]): string {
  const list = [...new Set(aliases)].map(quoteLiteral).join(', ');
  return `SELECT database_name, table_name, estimated_size FROM duckdb_tables() WHERE schema_name = 'main' AND database_name IN (${list})`;
}

/**
 * DuckDB's row count of each table (`duckdb_tables().estimated_size`: exact for committed
 * data in practice, kept by the storage, so asking costs no scan), by `tableKey`. A table DuckDB
 * does not list (a view) is absent.
 */
export async function estimatedRows(
  hub: DuckDBDriver,
  tables: readonly TableRef[],
): Promise<ReadonlyMap<string, number>> {
  if (tables.length === 0) return new Map();
  const rows = await hub.query(tableRowsSql(tables.map((t) => t.alias)));
  return new Map(
    rows.map((r) => [
      tableKey({ alias: String(r.database_name), table: String(r.table_name) }),
      Number(r.estimated_size ?? 0),
    ]),
  );
}

/** How long a table's row count is reused before DuckDB is asked again. */
export const ROW_COUNT_TTL_MS = 60_000;

/**
 * Row counts remembered for `ttlMs`: asking DuckDB's catalog costs milliseconds with hundreds of
 * products attached (it lists every catalog's tables), too much to pay on every query. A count is
 * at most `ttlMs` old, so bytes scanned lag a run that just grew a table by that long at most.
 */
export class TableRowCache {
  readonly #read: (tables: readonly TableRef[]) => Promise<ReadonlyMap<string, number>>;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #counts = new Map<string, { rows: number; at: number }>();

  constructor(
    read: (tables: readonly TableRef[]) => Promise<ReadonlyMap<string, number>>,
    ttlMs = ROW_COUNT_TTL_MS,
    now: () => number = Date.now,
  ) {
    this.#read = read;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** The row count of each table, by `tableKey`; a table DuckDB does not list counts 0. */
  async rows(tables: readonly TableRef[]): Promise<ReadonlyMap<string, number>> {
    const now = this.#now();
    const stale = tables.filter((t) => {
      const seen = this.#counts.get(tableKey(t));
      return seen === undefined || now - seen.at >= this.#ttlMs;
    });
    if (stale.length > 0) {
      const read = await this.#read(stale);
      for (const t of stale) this.#counts.set(tableKey(t), { rows: read.get(tableKey(t)) ?? 0, at: now });
    }
    return new Map(tables.map((t) => [tableKey(t), this.#counts.get(tableKey(t))?.rows ?? 0]));
  }
}
