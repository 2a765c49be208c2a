/**
 * What a transform sees: one temporary view per input port, named after the port, and one per
 * output port of the same product not shadowed by an input (so an output may build on another,
 * or an append may read what it wrote before). The views live in the transform's session only.
 */
import { access } from 'node:fs/promises';
import { type DuckDBSession, qualifiedName, quoteIdentifier } from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { bindProductInput } from '../ports/product/index.js';
import type { StorageContext } from './product-storage.js';
import type { ProductInputPort, RuntimeProduct } from './runtime-product.js';
import { FILE_ID_COLUMN, INPUT_SCHEMA, OUTPUT_SCHEMA, productAlias, productFile } from './storage-layout.js';

function viewSql(name: string, select: string): string {
  return `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(name)} AS ${select}`;
}

/** Attaches the upstream product's file to the hub; NOT_FOUND when it was never provisioned. */
async function attachUpstream(ctx: StorageContext, input: ProductInputPort): Promise<string> {
  const alias = productAlias(input.productId);
  if (ctx.hub.attached().has(alias)) return alias;
  const file = productFile(ctx.workspace, input.productId);
  await access(file).catch(() => {
    throw new MeshplaneError(
      'NOT_FOUND',
      `input port ${input.name} reads ${input.productId}/${input.port}, which has no storage yet (deploy and run ${input.productId} first)`,
    );
  });
  await ctx.hub.attach(alias, file);
  return alias;
}

/**
 * Creates the session's views for `product`'s transforms and returns the input port names (the
 * tables whose rows count as the run's rows in). With `since`, a stored input's view holds only
 * the rows that came after its mark (an `append` transform's new input, append-marks.ts).
 */
export async function bindTransformInputs(
  ctx: StorageContext,
  session: DuckDBSession,
  product: RuntimeProduct,
  since?: ReadonlyMap<string, number>,
): Promise<string[]> {
  const alias = productAlias(product.id);
  for (const input of product.inputs) {
    if (input.kind === 'product') {
      const upstream = await attachUpstream(ctx, input);
      await bindProductInput(session, { ...input, alias: upstream });
    } else {
      const table = qualifiedName(alias, INPUT_SCHEMA, input.name);
      const mark = since?.get(input.name);
      const where = mark === undefined ? '' : ` WHERE ${quoteIdentifier(FILE_ID_COLUMN)} > ${mark}`;
      await session.run(
        viewSql(input.name, `SELECT * EXCLUDE (${quoteIdentifier(FILE_ID_COLUMN)}) FROM ${table}${where}`),
      );
    }
  }
  const inputs = new Set(product.inputs.map((i) => i.name.toLowerCase()));
  for (const output of product.outputs.filter((o) => !inputs.has(o.name.toLowerCase()))) {
    await session.run(
      viewSql(output.name, `SELECT * FROM ${qualifiedName(alias, OUTPUT_SCHEMA, output.name)}`),
    );
  }
  return product.inputs.map((i) => i.name);
}

/** Rows of the input views, summed: the run's rows in. */
export async function countRows(session: DuckDBSession, views: readonly string[]): Promise<number> {
  if (views.length === 0) return 0;
  const counts = views.map((v) => `(SELECT count(*) FROM ${quoteIdentifier(v)})`).join(' + ');
  const [row] = await session.query(`SELECT CAST(${counts} AS DOUBLE) AS n`);
  return Number(row?.n ?? 0);
}
