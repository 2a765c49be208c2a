import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ColumnSpec } from '../engines/column-spec.js';
import { createTableSql, type DuckDBDriver, type TableColumn } from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { isStoredInput, type RuntimeProduct } from './runtime-product.js';
import {
  FILE_ID_COLUMN,
  INPUT_SCHEMA,
  OUTPUT_SCHEMA,
  productAlias,
  productFile,
  systemTablesSql,
} from './storage-layout.js';

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

/**
 * The DDL of a product's file: schemas, system tables, one `input.<port>` table per input port
 * with a contract (plus the ledger id of the row's file), one `main.<port>` table per output port
 * with the contract's NOT NULL columns and primary key. Idempotent; pure.
 */
export function provisionSql(alias: string, product: RuntimeProduct): string[] {
  const inputs = product.inputs
    .filter(isStoredInput)
    .map((port) =>
      createTableSql(
        [alias, INPUT_SCHEMA, port.name],
        [...tableColumns(port.columns), { name: FILE_ID_COLUMN, sqlType: 'BIGINT', notNull: false }],
      ),
    );
  const outputs = product.outputs.map((port) =>
    createTableSql([alias, OUTPUT_SCHEMA, port.name], tableColumns(port.columns), port.primaryKey),
  );
  return [...systemTablesSql(alias), ...inputs, ...outputs];
}

/**
 * Creates the product's file when missing, attaches it to the hub and creates its schemas and
 * tables, in one transaction. Safe to call again: existing tables are kept as they are (changing
 * a table when its contract changes is a later step).
 */
export async function provisionProduct(
  ctx: StorageContext,
  product: RuntimeProduct,
): Promise<ProductStorage> {
  const storage = { alias: productAlias(product.id), file: productFile(ctx.workspace, product.id) };
  await mkdir(path.dirname(storage.file), { recursive: true });
  await ctx.hub.attach(storage.alias, storage.file);
  await ctx.hub.withSession((session) =>
    session.transaction(async (tx) => {
      for (const sql of provisionSql(storage.alias, product)) await tx.run(sql);
    }),
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
