/**
 * The gate in front of `runQuery`: exactly one SELECT, parsed by DuckDB itself
 * (`json_serialize_sql`), reading only mesh views. Table functions (`read_csv`, `glob`, ...),
 * DESCRIBE / SUMMARIZE, file paths as table names (`FROM 'file.csv'` replacement scans) and any
 * table that is not a mesh name are refused with INVALID_INPUT, located at line and column.
 */
import type { DuckDBSession } from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import type { MeshNames, MeshTarget } from './mesh-names.js';
import { lineColumn, selectFacts } from './select-references.js';

/** Scalar functions that reveal the host or change state, refused although they parse as SELECT. */
const DENIED_FUNCTIONS = new Set(['getenv', 'current_setting', 'nextval', 'currval']);

export interface CheckedSelect {
  readonly sql: string;
  /** The output ports the query reads, once each. */
  readonly targets: readonly MeshTarget[];
}

interface Parsed {
  readonly error?: boolean;
  readonly error_message?: string;
  readonly position?: string;
  readonly statements?: readonly unknown[];
}

function refuse(sql: string, message: string, offset?: number): MeshplaneError {
  if (offset === undefined) return new MeshplaneError('INVALID_INPUT', message);
  const { line, column } = lineColumn(sql, offset);
  return new MeshplaneError('INVALID_INPUT', `${message} (line ${line}, column ${column})`, {
    details: { line, column },
  });
}

/** Parses `sql` with DuckDB's parser; throws INVALID_INPUT unless it is one statement that is a SELECT. */
export async function parseSelect(session: DuckDBSession, sql: string): Promise<unknown> {
  const [row] = await session.query(
    'SELECT CAST(json_serialize_sql(CAST($1 AS VARCHAR)) AS VARCHAR) AS tree',
    {
      params: [sql],
    },
  );
  const parsed = JSON.parse(String(row?.tree)) as Parsed;
  if (parsed.error === true) {
    const notSelect = /Only SELECT statements/i.test(parsed.error_message ?? '');
    const message = notSelect
      ? 'only a SELECT statement is accepted'
      : `syntax error: ${parsed.error_message}`;
    throw refuse(sql, message, parsed.position === undefined ? undefined : Number(parsed.position));
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) {
    throw refuse(sql, `exactly one SELECT statement is accepted, got ${statements.length}`);
  }
  return statements[0];
}

/** Checks `sql` against the mesh names; returns the ports it reads, or throws INVALID_INPUT. */
export async function checkSelect(
  session: DuckDBSession,
  sql: string,
  names: MeshNames,
): Promise<CheckedSelect> {
  const facts = selectFacts(await parseSelect(session, sql));
  const [fn] = facts.tableFunctions;
  if (fn !== undefined)
    throw refuse(sql, `table function ${fn.name}() is not allowed; query output ports by name`, fn.location);
  const [show] = facts.shows;
  if (show !== undefined)
    throw refuse(sql, `${show.name} is not allowed; read the port's contract instead`, show.location);
  const denied = facts.functions.find((f) => DENIED_FUNCTIONS.has(f.name));
  if (denied !== undefined) throw refuse(sql, `function ${denied.name}() is not allowed`, denied.location);
  const targets = new Map<string, MeshTarget>();
  for (const table of facts.tables) {
    const parts = [table.catalog, table.schema, table.table].filter((p) => p !== '');
    const target = names.resolve(parts);
    if (target === undefined) {
      const hint = 'name output ports as domain.product or domain.product.port';
      throw refuse(
        sql,
        `${JSON.stringify(parts.join('.'))} is not an output port of the mesh; ${hint}`,
        table.location,
      );
    }
    targets.set(`${target.productId}/${target.port}`, target);
  }
  return { sql, targets: [...targets.values()] };
}
