import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ColumnSpec } from '../engines/column-spec.js';
import {
  type DuckDBDriver,
  type DuckDBSession,
  qualifiedName,
  quoteIdentifier,
  type TableColumn,
} from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { isStoredInput, type RuntimeOutputPort, type RuntimeProduct } from './runtime-product.js';
import {
  FILE_ID_COLUMN,
  INPUT_SCHEMA,
  OUTPUT_SCHEMA,
  productAlias,
  productFile,
  systemTablesSql,
} from './storage-layout.js';
import { dropRelation, ensureTable, ensureView } from './table-shape.js';

/** What the runtime needs to reach product files: the hub and the workspace they live in. */
export interface StorageContext {
  readonly hub: DuckDBDriver;
  readonly workspace: string;
}

/** Where a provisioned product lives: its file and its catalog alias in the hub. */
export interface ProductStorage {
  readonly alias: string;
  readonly file: string;
}

function tableColumns(columns: readonly ColumnSpec[]): TableColumn[] {
  return columns.map((c) => ({ name: c.name, sqlType: c.sqlType, notNull: c.required }));
}

/** The table a stored input port or a table-backed output port version needs. */
interface TableSpec {
  readonly name: string;
  readonly columns: readonly TableColumn[];
  readonly primaryKey: readonly string[];
}

function inputTables(product: RuntimeProduct): TableSpec[] {
  return product.inputs.filter(isStoredInput).map((port) => ({
    name: port.name,
    columns: [...tableColumns(port.columns), { name: FILE_ID_COLUMN, sqlType: 'BIGINT', notNull: false }],
    primaryKey: [],
  }));
}

/** `SELECT CAST("from" AS type) AS "name", ... FROM <source table>` of a view-served version. */
export function viewOfSelect(alias: string, port: RuntimeOutputPort): string | undefined {
  if (port.viewOf === undefined) return undefined;
  const columns = port.viewOf.columns
    .map((c) => `CAST(${quoteIdentifier(c.from)} AS ${c.sqlType}) AS ${quoteIdentifier(c.name)}`)
    .join(', ');
  return `SELECT ${columns} FROM ${qualifiedName(alias, OUTPUT_SCHEMA, port.viewOf.source)}`;
}

/**
 * Brings a product's file in step with its contracts, in one transaction: schemas and system
 * tables; one `input.<port>` table per stored input port (plus the ledger id of the row's file);
 * one `main.<key>` table per output port version with the contract's NOT NULL columns and
 * primary key, rebuilt when the contract changed its shape (table-shape.ts); a view for each
 * version served over another (`meshplane.viewOf`); retired versions' tables dropped.
 */
async function provisionTables(tx: DuckDBSession, alias: string, product: RuntimeProduct): Promise<void> {
  for (const sql of systemTablesSql(alias)) await tx.run(sql);
  for (const table of inputTables(product)) {
    await ensureTable(tx, [alias, INPUT_SCHEMA, table.name], table.columns, table.primaryKey);
  }
  for (const port of product.outputs.filter((o) => o.viewOf === undefined)) {
    await ensureTable(tx, [alias, OUTPUT_SCHEMA, port.name], tableColumns(port.columns), port.primaryKey);
  }
  for (const port of product.outputs) {
    const select = viewOfSelect(alias, port);
    if (select !== undefined) await ensureView(tx, [alias, OUTPUT_SCHEMA, port.name], select);
  }
  for (const key of product.retired) await dropRelation(tx, [alias, OUTPUT_SCHEMA, key]);
}

/**
 * Creates the product's file when missing, attaches it to the hub and brings its schemas and
 * tables in step with the contracts, in one transaction. Safe to call again.
 */
export async function provisionProduct(
  ctx: StorageContext,
  product: RuntimeProduct,
): Promise<ProductStorage> {
  const storage = { alias: productAlias(product.id), file: productFile(ctx.workspace, product.id) };
  await mkdir(path.dirname(storage.file), { recursive: true });
  await ctx.hub.attach(storage.alias, storage.file);
  await ctx.hub.withSession((session) =>
    session.transaction((tx) => provisionTables(tx, storage.alias, product)),
  );
  return storage;
}

/**
 * Attaches an existing product file (after a restart, say) without creating anything. NOT_FOUND
 * when the product was never provisioned in this workspace.
 */
export async function openProductStorage(ctx: StorageContext, productId: string): Promise<ProductStorage> {
  const storage = { alias: productAlias(productId), file: productFile(ctx.workspace, productId) };
  if (ctx.hub.attached().get(storage.alias) === storage.file) return storage;
  await access(storage.file).catch(() => {
    throw new MeshplaneError('NOT_FOUND', `product ${productId} has no storage yet (deploy it first)`);
  });
  await ctx.hub.attach(storage.alias, storage.file);
  return storage;
}
