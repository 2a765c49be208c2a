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
/** The change log of output ports: what event output ports serve (src/ports/events-out/). */
export const CHANGES_TABLE = 'changes';
/** Per output port, the last offset its change log's retention removed (readers from before it missed changes). */
export const CHANGES_PRUNED_TABLE = 'changes_pruned';
/** Webhook subscriptions to output ports' change events, with their delivery cursors. */
export const SUBSCRIPTIONS_TABLE = 'subscriptions';
/** Change events a subscription gave up on after its retries. */
export const DEAD_LETTERS_TABLE = 'dead_letters';
/** How far each publisher (NATS, ...) of an output port's changes has published. */
export const PUBLISH_CURSORS_TABLE = 'publish_cursors';
/** Column of every input table: the ledger id of the file version the row came from. */
export const FILE_ID_COLUMN = '_meshplane_file';
/** Per `append` output and stored input: the highest `_meshplane_file` the output has taken in. */
export const APPEND_MARKS_TABLE = 'append_marks';

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

const timestamp = (name: string, notNull = false): TableColumn => ({ name, sqlType: 'TIMESTAMP', notNull });
const json = (name: string): TableColumn => ({ name, sqlType: 'JSON', notNull: false });

/**
 * One row per change to an output port's table, written in the transform's transaction.
 * `offset` is product-wide, strictly increasing and gap-free at commit (`max + 1` under the
 * product's lock), so a reader that saw offset N has seen every change before it.
 */
export const APPEND_MARKS_COLUMNS: readonly TableColumn[] = [
  text('output', true),
  text('input', true),
  bigint('last_id', true),
];

export const CHANGES_COLUMNS: readonly TableColumn[] = [
  bigint('offset', true),
  /** The output port version's key (its table). */
  text('port', true),
  /** `upsert`, `delete`, or `reset` (a full refresh of a port without a primary key: forget every row). */
  text('op', true),
  /** The primary key columns as a JSON object; null for a port without a key. */
  json('key'),
  /** The row as stored after the change; null for `delete` and `reset`. */
  json('row'),
  text('run_id'),
  timestamp('at', true),
];

export const SUBSCRIPTIONS_COLUMNS: readonly TableColumn[] = [
  text('id', true),
  text('port', true),
  text('url', true),
  /** The environment variable holding the HMAC secret, never the secret itself. */
  text('secret_env'),
  /** The last offset delivered (or dead-lettered): delivery resumes after it. */
  bigint('cursor', true),
  /** Failed attempts at the event after the cursor. */
  bigint('failures', true),
  text('last_error'),
  timestamp('next_attempt_at'),
  bigint('delivered', true),
  bigint('dead_lettered', true),
  timestamp('created_at', true),
];

export const DEAD_LETTERS_COLUMNS: readonly TableColumn[] = [
  text('subscription_id', true),
  bigint('offset', true),
  text('error', true),
  bigint('attempts', true),
  timestamp('at', true),
];

export const PUBLISH_CURSORS_COLUMNS: readonly TableColumn[] = [
  text('port', true),
  /** Where the port's changes are published, e.g. `nats:meshplane.sales.orders.orders`. */
  text('target', true),
  bigint('cursor', true),
  timestamp('at', true),
];

/** Schemas and system tables of a product file, idempotent. */
export function systemTablesSql(alias: string): string[] {
  return [
    createSchemaSql(alias, INPUT_SCHEMA),
    createSchemaSql(alias, SYSTEM_SCHEMA),
    createTableSql([alias, SYSTEM_SCHEMA, LEDGER_TABLE], LEDGER_COLUMNS, ['id']),
    createTableSql([alias, SYSTEM_SCHEMA, QUARANTINE_TABLE], QUARANTINE_COLUMNS, ['id']),
    createTableSql([alias, SYSTEM_SCHEMA, CHANGES_TABLE], CHANGES_COLUMNS, ['offset']),
    createTableSql(
      [alias, SYSTEM_SCHEMA, CHANGES_PRUNED_TABLE],
      [text('port', true), bigint('through', true)],
      ['port'],
    ),
    createTableSql([alias, SYSTEM_SCHEMA, APPEND_MARKS_TABLE], APPEND_MARKS_COLUMNS, ['output', 'input']),
    createTableSql([alias, SYSTEM_SCHEMA, SUBSCRIPTIONS_TABLE], SUBSCRIPTIONS_COLUMNS, ['id']),
    createTableSql([alias, SYSTEM_SCHEMA, DEAD_LETTERS_TABLE], DEAD_LETTERS_COLUMNS, [
      'subscription_id',
      'offset',
    ]),
    createTableSql([alias, SYSTEM_SCHEMA, PUBLISH_CURSORS_TABLE], PUBLISH_CURSORS_COLUMNS, [
      'port',
      'target',
    ]),
  ];
}
