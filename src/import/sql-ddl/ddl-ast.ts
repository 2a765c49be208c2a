/**
 * Readers for node-sql-parser's AST, which is loosely typed and differs a little between dialects
 * (a column name is a string in one and `{ expr: { value } }` in another). Pure.
 */
import { arr, isObj, type Obj, str } from '../../spec/model/read-value.js';

/** The name of a `column_ref` node, whichever shape the dialect gives it. */
export function columnName(node: unknown): string | undefined {
  if (!isObj(node)) return undefined;
  const column = node.column;
  if (typeof column === 'string') return column;
  if (isObj(column) && isObj(column.expr)) return str(column.expr.value);
  return undefined;
}

/** The column names of a constraint's or index's column list. */
export function columnList(nodes: unknown): string[] {
  return arr(nodes).flatMap((n) => columnName(n) ?? []);
}

/** `{ db, table }` of a table reference (`table: [{ db, table }]` or `{ db, table }`). */
export function tableRef(node: unknown): { schema: string | undefined; table: string } | undefined {
  const first = Array.isArray(node) ? node[0] : node;
  if (!isObj(first)) return undefined;
  const table = str(first.table);
  return table === undefined ? undefined : { schema: str(first.db) ?? undefined, table };
}

/** The text of a string literal node (`single_quote_string`, ...) or a quoted table option. */
export function literalText(node: unknown): string | undefined {
  if (typeof node === 'string') return node.replace(/^'(.*)'$/s, '$1').replaceAll("''", "'");
  if (!isObj(node)) return undefined;
  if (isObj(node.value)) return literalText(node.value);
  return str(node.value);
}

/**
 * A column's type as text, the way a catalog prints it: `varchar(200)`, `numeric(10,2)`,
 * `timestamp(3) with time zone`, `int unsigned`, `integer[]`, `enum('a','b')`.
 */
export function typeText(definition: Obj): string {
  const base = (str(definition.dataType) ?? 'unknown').toLowerCase();
  const length = definition.length;
  const scale = definition.scale;
  const params =
    typeof length === 'number'
      ? `(${length}${typeof scale === 'number' ? `,${scale}` : ''})`
      : isObj(definition.expr)
        ? `(${arr(definition.expr.value)
            .map((v) => `'${(literalText(v) ?? '').replaceAll("'", "''")}'`)
            .join(',')})`
        : '';
  const suffix = arr(definition.suffix)
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.toLowerCase())
    .join(' ');
  const dimension =
    isObj(definition.array) && typeof definition.array.dimension === 'number'
      ? definition.array.dimension
      : 0;
  return `${base}${params}${suffix === '' ? '' : ` ${suffix}`}${'[]'.repeat(dimension)}`;
}
