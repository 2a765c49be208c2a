import pkg from 'node-sql-parser';
import { arr, isObj, type Obj, str } from '../../spec/model/read-value.js';
import type { ImportedColumn, ImportedForeignKey, ImportedTable, ImportGap } from '../imported-table.js';
import { columnList, columnName, literalText, tableRef, typeText } from './ddl-ast.js';

const { Parser } = pkg;

/** The SQL dialects a DDL script may be written in. */
export type DdlDialect = 'postgres' | 'mysql';

export const DDL_DIALECTS: readonly DdlDialect[] = ['postgres', 'mysql'];

/** Where and why a script does not parse. */
export interface DdlSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** What the parser expected there, shortened. */
  readonly hint?: string;
}

export type DdlParse =
  | { readonly ok: true; readonly tables: readonly ImportedTable[]; readonly gaps: readonly ImportGap[] }
  | { readonly ok: false; readonly error: DdlSyntaxError };

interface TableDraft {
  schema: string;
  name: string;
  comment?: string;
  columns: { -readonly [K in keyof ImportedColumn]: ImportedColumn[K] }[];
  primaryKey: string[];
  uniqueKeys: string[][];
  foreignKeys: ImportedForeignKey[];
}

class Script {
  readonly tables = new Map<string, TableDraft>();
  readonly enums = new Map<string, string[]>();
  readonly gaps: ImportGap[] = [];
  private readonly parser = new Parser();

  constructor(private readonly database: string) {}

  sql(expr: unknown): string {
    try {
      return this.parser.exprToSQL(expr, { database: this.database });
    } catch {
      return JSON.stringify(expr);
    }
  }

  table(ref: unknown): TableDraft | undefined {
    const name = tableRef(ref)?.table;
    return name === undefined ? undefined : this.tables.get(name.toLowerCase());
  }
}

function foreignKey(columns: string[], reference: unknown, name?: string): ImportedForeignKey | undefined {
  if (!isObj(reference)) return undefined;
  const target = tableRef(reference.table);
  if (target === undefined) return undefined;
  return {
    ...(name === undefined ? {} : { name }),
    columns,
    referencedTable: target.table,
    referencedColumns: columnList(reference.definition),
  };
}

/** A table-level constraint (in CREATE TABLE or ALTER TABLE ... ADD). */
function constraint(script: Script, draft: TableDraft, node: Obj): void {
  const kind = (str(node.constraint_type) ?? '').toLowerCase();
  const columns = columnList(node.definition);
  if (kind === 'primary key') draft.primaryKey = columns;
  else if (kind.startsWith('unique')) draft.uniqueKeys.push(columns);
  else if (kind === 'foreign key') {
    const fk = foreignKey(columns, node.reference_definition, str(node.constraint) ?? undefined);
    if (fk !== undefined) draft.foreignKeys.push(fk);
  } else if (kind === 'check') {
    const expr = arr(node.definition)
      .map((d) => script.sql(d))
      .join(' and ');
    script.gaps.push({
      where: draft.name,
      message: `CHECK (${expr}) not carried over: ODCS has no check constraints`,
    });
  }
}

function column(script: Script, draft: TableDraft, node: Obj): void {
  const name = columnName(node.column);
  if (name === undefined || !isObj(node.definition)) return;
  const type = typeText(node.definition);
  const enumValues = script.enums.get(type.replace(/^.*\./, ''));
  const comment = isObj(node.comment) ? literalText(node.comment.value) : undefined;
  const defaultValue = isObj(node.default_val) ? script.sql(node.default_val.value) : undefined;
  draft.columns.push({
    name,
    dataType: type,
    nullable: !(isObj(node.nullable) && node.nullable.type === 'not null'),
    ...(comment === undefined ? {} : { comment }),
    ...(defaultValue === undefined ? {} : { defaultValue }),
    ...(enumValues === undefined ? {} : { enumValues }),
  });
  if (node.primary_key !== undefined && node.primary_key !== null) draft.primaryKey = [name];
  if (typeof node.unique === 'string') draft.uniqueKeys.push([name]);
  const fk = foreignKey([name], node.reference_definition);
  if (fk !== undefined) draft.foreignKeys.push(fk);
  if (isObj(node.check)) {
    const expr = arr(node.check.definition)
      .map((d) => script.sql(d))
      .join(' and ');
    script.gaps.push({
      where: `${draft.name}.${name}`,
      message: `CHECK (${expr}) not carried over: ODCS has no check constraints`,
    });
  }
}

function tableComment(options: unknown): string | undefined {
  const comment = arr(options).find((o) => isObj(o) && str(o.keyword)?.toLowerCase() === 'comment');
  return isObj(comment) ? literalText(comment.value) : undefined;
}

function createTable(script: Script, node: Obj, where: string): void {
  const ref = tableRef(node.table);
  if (ref === undefined) return;
  if (node.query_expr !== null && node.query_expr !== undefined) {
    script.gaps.push({
      where,
      message: `CREATE TABLE ${ref.table} AS SELECT ignored: its columns are not declared`,
    });
    return;
  }
  const key = ref.table.toLowerCase();
  if (script.tables.has(key))
    script.gaps.push({ where, message: `table ${ref.table} is created twice: the last one wins` });
  const comment = tableComment(node.table_options);
  const draft: TableDraft = {
    schema: ref.schema ?? '',
    name: ref.table,
    ...(comment === undefined ? {} : { comment }),
    columns: [],
    primaryKey: [],
    uniqueKeys: [],
    foreignKeys: [],
  };
  script.tables.set(key, draft);
  for (const definition of arr(node.create_definitions)) {
    if (!isObj(definition)) continue;
    if (definition.resource === 'column') column(script, draft, definition);
    else if (definition.resource === 'constraint') constraint(script, draft, definition);
  }
}

function comment(script: Script, node: Obj, where: string): void {
  const target = isObj(node.target) ? node.target : {};
  const text = isObj(node.expr) ? literalText(node.expr.expr) : undefined;
  if (target.type === 'table') {
    const draft = script.table(target.name);
    if (draft !== undefined && text !== undefined) draft.comment = text;
    else
      script.gaps.push({ where, message: 'COMMENT ON TABLE of a table not created in the script: ignored' });
  } else if (target.type === 'column' && isObj(target.name)) {
    const draft = script.table({ table: target.name.table });
    const col = draft?.columns.find((c) => c.name === columnName(target.name));
    if (col !== undefined && text !== undefined) col.comment = text;
    else
      script.gaps.push({
        where,
        message: 'COMMENT ON COLUMN of a column not created in the script: ignored',
      });
  }
}

function statement(script: Script, node: unknown, index: number): void {
  const where = `statement ${index + 1}`;
  if (!isObj(node)) return;
  const type = str(node.type);
  const keyword = str(node.keyword);
  if (type === 'create' && keyword === 'table') createTable(script, node, where);
  else if (type === 'create' && keyword === 'type' && node.resource === 'enum' && isObj(node.name)) {
    const name = str(node.name.name);
    const values = arr(isObj(node.create_definitions) ? node.create_definitions.value : []).map(
      (v) => literalText(v) ?? '',
    );
    if (name !== undefined) script.enums.set(name.toLowerCase(), values);
  } else if (type === 'comment') comment(script, node, where);
  else if (type === 'alter' && keyword === 'table') {
    const draft = script.table(node.table);
    for (const action of arr(node.expr)) {
      if (
        isObj(action) &&
        action.action === 'add' &&
        isObj(action.create_definitions) &&
        draft !== undefined
      ) {
        constraint(script, draft, action.create_definitions);
      } else script.gaps.push({ where, message: 'ALTER TABLE action other than ADD CONSTRAINT ignored' });
    }
  } else if (type === 'create' && keyword === 'index') {
    const draft = script.table(node.table);
    if (node.index_type === 'unique' && draft !== undefined)
      draft.uniqueKeys.push(columnList(node.index_columns));
  } else {
    script.gaps.push({
      where,
      message: `${[type, keyword].filter(Boolean).join(' ').toUpperCase()} statement ignored`,
    });
  }
}

/** node-sql-parser says `Expected "a", "b", ... but "x" found.`; keep the finding, shorten the list. */
function syntaxError(error: unknown): DdlSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const location =
    isObj(error) && isObj(error.location) && isObj(error.location.start) ? error.location.start : {};
  const found = /but (.+) found\.?$/s.exec(message)?.[1];
  const expected = /^Expected (.+) but /s.exec(message)?.[1]?.split(/, (?:or )?| or /);
  const shown =
    expected === undefined
      ? undefined
      : expected.slice(0, 8).join(', ') + (expected.length > 8 ? ', ...' : '');
  return {
    message: found === undefined ? `SQL syntax error: ${message}` : `SQL syntax error: unexpected ${found}`,
    line: typeof location.line === 'number' ? location.line : 1,
    column: typeof location.column === 'number' ? location.column : 1,
    ...(shown === undefined ? {} : { hint: `expected ${shown}` }),
  };
}

/**
 * The tables a DDL script declares, read with node-sql-parser: CREATE TABLE (columns, NOT NULL,
 * DEFAULT, COMMENT, PRIMARY KEY / UNIQUE / FOREIGN KEY at column and table level), PostgreSQL
 * CREATE TYPE ... AS ENUM, COMMENT ON, ALTER TABLE ... ADD CONSTRAINT and CREATE UNIQUE INDEX.
 * CHECK constraints and other statements are reported as gaps. A script that does not parse gives
 * the parser's location. Pure.
 */
export function parseDdl(text: string, dialect: DdlDialect): DdlParse {
  const database = dialect === 'postgres' ? 'postgresql' : 'mysql';
  let ast: unknown;
  try {
    ast = new Parser().astify(text, { database });
  } catch (error) {
    return { ok: false, error: syntaxError(error) };
  }
  const script = new Script(database);
  for (const [i, node] of (Array.isArray(ast) ? ast : [ast]).entries()) statement(script, node, i);
  if (script.tables.size === 0) {
    return { ok: false, error: { message: 'the script has no CREATE TABLE statement', line: 1, column: 1 } };
  }
  const tables = [...script.tables.values()].map((draft) => {
    const keyed = new Set(draft.primaryKey);
    return {
      ...draft,
      columns: draft.columns.map((c) => (keyed.has(c.name) ? { ...c, nullable: false } : c)),
    } satisfies ImportedTable;
  });
  return { ok: true, tables, gaps: script.gaps };
}
