import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { GenerateShopDataResult } from '../../src/demo/index.js';
import { type FileInput, findFileInputs } from '../../src/demo/input-contracts.js';
import { valueRules } from '../../src/demo/value-rules.js';
import { SQL_DIALECTS } from '../../src/spec/export/index.js';
import { sqlColumnType } from '../../src/spec/export/sql-column-type.js';
import type { Property } from '../../src/spec/model/data-contract.js';

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A SQL condition true for rows that break a property rule: a missing required value, a value
 * outside the allowed set, a pattern, the e-mail format or a bound. What a quarantine would catch.
 */
export function violationPredicate(properties: readonly Property[]): string {
  const checks = properties.flatMap((property) => {
    const rules = valueRules(property);
    const column = identifier(property.physicalName);
    const text = `CAST(${column} AS VARCHAR)`;
    const parts: string[] = [];
    if (rules.required) parts.push(`${column} IS NULL`);
    if (rules.allowed !== undefined)
      parts.push(`${text} NOT IN (${rules.allowed.map(sqlString).join(', ')})`);
    if (rules.pattern !== undefined)
      parts.push(`NOT regexp_full_match(${text}, ${sqlString(rules.pattern.source)})`);
    if (rules.email) parts.push(`NOT regexp_full_match(${text}, '^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$')`);
    if (rules.minimum !== undefined) parts.push(`${column} < ${rules.minimum}`);
    if (rules.maximum !== undefined) parts.push(`${column} > ${rules.maximum}`);
    return parts.map((p) => `coalesce(${p}, false)`);
  });
  return checks.length === 0 ? 'false' : checks.join(' OR ');
}

function columnTypes(input: FileInput): string {
  const types = input.table.properties.map(
    (p) => `${sqlString(p.physicalName)}: ${sqlString(sqlColumnType(p, SQL_DIALECTS.duckdb))}`,
  );
  return `{${types.join(', ')}}`;
}

/** A table function reading a source's files with the types its contract declares: it fails on a value of the wrong type. */
function readFiles(input: FileInput, files: readonly string[]): string {
  const list = `[${files.map(sqlString).join(', ')}]`;
  if (input.format === 'parquet') return `read_parquet(${list})`;
  if (input.format === 'ndjson') {
    return `read_json(${list}, format = 'newline_delimited', columns = ${columnTypes(input)})`;
  }
  return `read_csv(${list}, auto_detect = false, header = ${input.csv.header}, delim = ${sqlString(input.csv.delimiter)}, quote = '"', escape = '"', columns = ${columnTypes(input)})`;
}

/** A DuckDB over the generated files: one table per source, named after its contract's table. */
export interface SourceTables {
  readonly inputs: ReadonlyMap<string, FileInput>;
  readonly connection: DuckDBConnection;
  /** Rows as plain objects; BIGINTs as numbers. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** The single value of a one-row, one-column query, as a number. */
  count(sql: string): Promise<number>;
  close(): void;
}

/** Loads every source of a generation into an in-memory DuckDB, typed by its contract. */
export async function openSourceTables(
  workspaceDir: string,
  result: GenerateShopDataResult,
): Promise<SourceTables> {
  const { inputs } = await findFileInputs(workspaceDir);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const byTable = new Map<string, FileInput>();
  for (const report of result.sources) {
    const input = inputs.find((i) => i.contract.id === report.contractId);
    if (input === undefined) throw new Error(`no input contract ${report.contractId}`);
    byTable.set(report.table, input);
    const files = report.files.map((f) => path.join(workspaceDir, f));
    await connection.run(
      `CREATE TABLE ${identifier(report.table)} AS SELECT * FROM ${readFiles(input, files)}`,
    );
  }
  const rows = async (sql: string) => {
    const reader = await connection.runAndReadAll(sql);
    return reader
      .getRowObjectsJS()
      .map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
      );
  };
  return {
    inputs: byTable,
    connection,
    rows,
    count: async (sql) => Number(Object.values((await rows(sql))[0] ?? {})[0]),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
