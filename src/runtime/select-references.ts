/**
 * Reads what a parsed SELECT touches out of DuckDB's `json_serialize_sql` tree: the tables it
 * names (CTE names excepted, with DuckDB's scoping), the table functions and the functions it
 * calls. Pure; the tree comes from DuckDB's own parser, so nothing is guessed from SQL text.
 */

/** A table as written: empty catalog / schema when not given. `location` is a 0-based offset. */
export interface TableReference {
  readonly catalog: string;
  readonly schema: string;
  readonly table: string;
  readonly location: number | undefined;
}

export interface NamedCall {
  readonly name: string;
  readonly location: number | undefined;
}

export interface SelectFacts {
  readonly tables: readonly TableReference[];
  /** `read_csv(...)`, `glob(...)`, `range(...)`: anything in FROM that is a function. */
  readonly tableFunctions: readonly NamedCall[];
  readonly functions: readonly NamedCall[];
  /** DESCRIBE / SUMMARIZE / SHOW, which parse as a SELECT over a SHOW_REF. */
  readonly shows: readonly NamedCall[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function location(node: Json): number | undefined {
  const at = node.query_location;
  return typeof at === 'number' && at < Number.MAX_SAFE_INTEGER ? at : undefined;
}

function cteEntries(node: Json): { name: string; body: unknown }[] {
  const map = isObject(node.cte_map) ? node.cte_map.map : undefined;
  if (!Array.isArray(map)) return [];
  return map.filter(isObject).map((e) => ({ name: text(e.key).toLowerCase(), body: e.value }));
}

function isRecursiveBody(body: unknown): boolean {
  return (
    isObject(body) &&
    isObject(body.query) &&
    isObject(body.query.node) &&
    body.query.node.type === 'RECURSIVE_CTE_NODE'
  );
}

class Collector {
  readonly tables: TableReference[] = [];
  readonly tableFunctions: NamedCall[] = [];
  readonly functions: NamedCall[] = [];
  readonly shows: NamedCall[] = [];

  visit(value: unknown, scope: ReadonlySet<string>): void {
    if (Array.isArray(value)) for (const item of value) this.visit(item, scope);
    else if (isObject(value)) this.visitObject(value, scope);
  }

  visitObject(node: Json, outer: ReadonlySet<string>): void {
    // A CTE sees the CTEs declared before it (and itself when recursive); the body sees them all.
    let scope = outer;
    for (const { name, body } of cteEntries(node)) {
      this.visit(body, isRecursiveBody(body) ? new Set([...scope, name]) : scope);
      scope = new Set([...scope, name]);
    }
    if (node.type === 'RECURSIVE_CTE_NODE') scope = new Set([...scope, text(node.cte_name).toLowerCase()]);
    this.record(node, scope);
    for (const [key, child] of Object.entries(node)) if (key !== 'cte_map') this.visit(child, scope);
  }

  record(node: Json, scope: ReadonlySet<string>): void {
    if (node.type === 'BASE_TABLE') {
      const [catalog, schema, table] = [
        text(node.catalog_name),
        text(node.schema_name),
        text(node.table_name),
      ];
      const isCte = catalog === '' && schema === '' && scope.has(table.toLowerCase());
      if (!isCte) this.tables.push({ catalog, schema, table, location: location(node) });
    } else if (node.type === 'TABLE_FUNCTION') {
      const fn = isObject(node.function) ? text(node.function.function_name) : '';
      this.tableFunctions.push({ name: fn, location: location(node) });
    } else if (node.type === 'SHOW_REF') {
      this.shows.push({ name: text(node.show_type), location: location(node) });
    } else if (node.class === 'FUNCTION') {
      this.functions.push({ name: text(node.function_name).toLowerCase(), location: location(node) });
    }
  }
}

/** The facts of one parsed statement (an element of `statements` in the parser's JSON). */
export function selectFacts(statement: unknown): SelectFacts {
  const collector = new Collector();
  collector.visit(statement, new Set());
  return collector;
}

/** 1-based line and column of DuckDB's 0-based offset, which counts UTF-8 bytes, in `sql`. */
export function lineColumn(sql: string, offset: number): { line: number; column: number } {
  const bytes = new TextEncoder().encode(sql).subarray(0, offset);
  const before = new TextDecoder().decode(bytes).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
