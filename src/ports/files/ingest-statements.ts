/**
 * The SQL that moves one file into a product: staged once with types and reasons, then accepted
 * rows into `input.<port>` and rejected rows with their reason into `_meshplane.quarantine`.
 * Pure, so the statements are asserted in unit tests before they run.
 */
import type { ColumnSpec } from '../../engines/column-spec.js';
import {
  castSql,
  qualifiedName,
  quoteIdentifier,
  quoteLiteral,
  rejectReasonSql,
  type SourceOf,
} from '../../engines/duckdb/index.js';
import {
  FILE_ID_COLUMN,
  INPUT_SCHEMA,
  QUARANTINE_TABLE,
  SYSTEM_SCHEMA,
} from '../../runtime/storage-layout.js';

export const STAGE_TABLE = '__meshplane_stage';
const ROW = quoteIdentifier('__meshplane_row');
const REASON = quoteIdentifier('__meshplane_reason');
const RECORD = quoteIdentifier('__meshplane_record');
/** The stage's column holding contract column `index`, already cast to its type. */
const typedColumn = (index: number) => quoteIdentifier(`__meshplane_${index}`);

export interface IngestTarget {
  /** The product's catalog alias in the hub. */
  readonly alias: string;
  readonly port: string;
  readonly columns: readonly ColumnSpec[];
  /** The file's column names by lower-case name (DuckDB matches names case-insensitively). */
  readonly staged: ReadonlyMap<string, string>;
}

/** How each contract column is read from a file row; undefined when the file lacks it. */
export function stagedSource(target: IngestTarget): SourceOf {
  return (column) => {
    const name = target.staged.get(column.name.toLowerCase());
    return name === undefined ? undefined : `${ROW}.${quoteIdentifier(name)}`;
  };
}

/** Required contract columns the file does not have at all. */
export function missingRequiredColumns(target: IngestTarget): string[] {
  return target.columns
    .filter((c) => c.required && !target.staged.has(c.name.toLowerCase()))
    .map((c) => c.name);
}

/**
 * Reads the file ONCE into the session's stage table, in parallel, computing per row: every
 * contract column cast to its type (once: the checks reuse it), the reject reason, and (for
 * rejected rows only) the record as read, as JSON. File order is kept, so `rowid + 1` is the
 * record number. The product then receives a plain projection of the stage.
 */
export function stageSql(target: IngestTarget, reader: string): string {
  const source = stagedSource(target);
  const typed = target.columns.map((c, i) => `${castSql(c, source(c))} AS ${typedColumn(i)}`);
  const reason = rejectReasonSql(target.columns, source, (_, i) => `${ROW}.${typedColumn(i)}`);
  const record = [...target.staged.values()].map(
    (n) => `${quoteIdentifier(n)} := ${ROW}.${quoteIdentifier(n)}`,
  );
  const typedNames = target.columns.map((_, i) => typedColumn(i));
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(STAGE_TABLE)} AS
SELECT ${[...typedNames, REASON].join(', ')},
  CASE WHEN ${REASON} IS NOT NULL THEN to_json(struct_pack(${record.join(', ')})) END AS ${RECORD}
FROM (
  SELECT ${ROW}.*, ${reason} AS ${REASON}
  FROM (SELECT ${ROW}.*, ${typed.join(', ')} FROM ${reader} AS ${ROW}) AS ${ROW}
) AS ${ROW}`;
}

function stage(): string {
  return `${quoteIdentifier(STAGE_TABLE)} AS ${ROW}`;
}

/** Rows that pass every check, as cast on staging, tagged with the ledger id of their file version. */
export function insertAcceptedSql(target: IngestTarget, fileId: number): string {
  const names = [...target.columns.map((c) => c.name), FILE_ID_COLUMN].map(quoteIdentifier).join(', ');
  const values = [...target.columns.map((_, i) => `${ROW}.${typedColumn(i)}`), String(fileId)].join(', ');
  return `INSERT INTO ${qualifiedName(target.alias, INPUT_SCHEMA, target.port)} (${names})
SELECT ${values}
FROM ${stage()}
WHERE ${ROW}.${REASON} IS NULL`;
}

/** Rows that fail a check: the record as read (JSON), its 1-based position and every reason. */
export function insertQuarantinedSql(
  target: IngestTarget,
  fileId: number,
  source: string,
  atUs: number,
): string {
  const quarantine = qualifiedName(target.alias, SYSTEM_SCHEMA, QUARANTINE_TABLE);
  return `INSERT INTO ${quarantine} (id, port, source, position, reason, record, quarantined_at, file_id)
SELECT (SELECT coalesce(max(id), 0) FROM ${quarantine}) + row_number() OVER (ORDER BY ${ROW}.rowid),
  ${quoteLiteral(target.port)}, ${quoteLiteral(source)}, ${ROW}.rowid + 1, ${ROW}.${REASON},
  ${ROW}.${RECORD}, make_timestamp(${Math.trunc(atUs)}), ${fileId}
FROM ${stage()}
WHERE ${ROW}.${REASON} IS NOT NULL`;
}

/** Removes what an earlier version of the same file put in, so a changed file replaces it. */
export function deleteVersionSql(target: IngestTarget, fileId: number): string[] {
  return [
    `DELETE FROM ${qualifiedName(target.alias, INPUT_SCHEMA, target.port)} WHERE ${quoteIdentifier(FILE_ID_COLUMN)} = ${fileId}`,
    `DELETE FROM ${qualifiedName(target.alias, SYSTEM_SCHEMA, QUARANTINE_TABLE)} WHERE file_id = ${fileId}`,
  ];
}
