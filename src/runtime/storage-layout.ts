/**
 * Where a data product's data lives (docs/adr/0005-product-storage.md): one DuckDB file per
 * product, attached to the hub as catalog `p_<id>`, with input tables in schema `input`, output
 * tables in `main` and the platform's bookkeeping in `_meshplane`.
 */
import path from 'node:path';
import { createSchemaSql, createTableSql, type TableColumn } from '../engines/duckdb/index.js';

export const INPUT_SCHEMA = 'input';
export const OUTPUT_SCHEMA = 'main';
export const SYSTEM_SCHEMA = '_meshplane';
export const LEDGER_TABLE = 'ingested_files';
export const QUARANTINE_TABLE = 'quarantine';
/** Column of every input table: the ledger id of the file version the row came from. */
export const FILE_ID_COLUMN = '_meshplane_file';

/** The hub's catalog alias of a product: `p_` and the id with anything but [a-z0-9_] as `_`. */
export function productAlias(productId: string): string {
  return `p_${productId.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
}

/** `<workspace>/.meshplane/products/<productId>.duckdb`; the id cannot leave that folder. */
export function productFile(workspace: string, productId: string): string {
  const name = productId.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return path.join(workspace, '.meshplane', 'products', `${name}.duckdb`);
}

const text = (name: string, notNull = false): TableColumn => ({ name, sqlType: 'VARCHAR', notNull });
const bigint = (name: string, notNull = false): TableColumn => ({ name, sqlType: 'BIGINT', notNull });

/** The ledger: one row per file version seen, ingested or failed (the exactly-once record). */
export const LEDGER_COLUMNS: readonly TableColumn[] = [
  bigint('id', true),
  text('port', true),
  text('path', true),
  bigint('size', true),
  { name: 'mtime', sqlType: 'TIMESTAMP', notNull: true },
  text('content_hash', true),
  /** `ingested`, `failed` (not parseable, nothing stored) or `unchanged` (same content, skipped). */
  text('status', true),
  text('error'),
  bigint('rows_accepted', true),
  bigint('rows_quarantined', true),
  { name: 'ingested_at', sqlType: 'TIMESTAMP', notNull: true },
];

export const QUARANTINE_COLUMNS: readonly TableColumn[] = [
  bigint('id', true),
  text('port', true),
  /** The file (or stream) the record came from. */
  text('source', true),
  /** 1-based record number within the source. */
  bigint('position', true),
  text('reason', true),
  { name: 'record', sqlType: 'JSON', notNull: false },
  { name: 'quarantined_at', sqlType: 'TIMESTAMP', notNull: true },
  /** The ledger id of the file version, so a newer version of the file replaces these rows. */
  bigint('file_id'),
];

/** Schemas and system tables of a product file, idempotent. */
export function systemTablesSql(alias: string): string[] {
  return [
    createSchemaSql(alias, INPUT_SCHEMA),
    createSchemaSql(alias, SYSTEM_SCHEMA),
    createTableSql([alias, SYSTEM_SCHEMA, LEDGER_TABLE], LEDGER_COLUMNS, ['id']),
    createTableSql([alias, SYSTEM_SCHEMA, QUARANTINE_TABLE], QUARANTINE_COLUMNS, ['id']),
  ];
}
