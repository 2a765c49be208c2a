/** The registry's reads: products as the last successful deploy of each registered them. */
import { productDetailFromRows, productSummariesFromJoinedRows } from '../mapping/product-rows.js';
import type { ProductDetail, ProductFilter, ProductSummary } from '../model/product-model.js';
import type { StoreContext } from '../store-context.js';

/** Products by id with their current output ports, in one statement (one consistent snapshot). */
export async function listProducts(ctx: StoreContext, filter: ProductFilter = {}): Promise<ProductSummary[]> {
  let query = ctx.db
    .selectFrom('products')
    .leftJoin('output_ports', (join) =>
      join
        .onRef('output_ports.product_id', '=', 'products.id')
        .onRef('output_ports.product_version', '=', 'products.current_version'),
    )
    .selectAll('products')
    .select([
      'output_ports.name as port_name',
      'output_ports.port_version as port_version',
      'output_ports.contract_id as port_contract_id',
    ]);
  if (filter.domain !== undefined) query = query.where('products.domain', '=', filter.domain);
  if (filter.status !== undefined) query = query.where('products.status', '=', filter.status);
  const rows = await query
    .orderBy('products.id')
    .orderBy('output_ports.name')
    .orderBy('output_ports.port_version')
    .execute();
  return productSummariesFromJoinedRows(rows);
}

/**
 * A product with its versions and its current version's ports, contracts and descriptor. The
 * version-scoped reads use the current version of the product row read first; a registered
 * version never changes its content, so the parts agree even if a deploy completes meanwhile.
 */
export async function getProduct(ctx: StoreContext, id: string): Promise<ProductDetail | undefined> {
  const product = await ctx.db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  if (product === undefined) return undefined;
  const version = product.current_version ?? '';
  const versions = await ctx.db
    .selectFrom('product_versions')
    .selectAll()
    .where('product_id', '=', id)
    .orderBy('deployed_at', 'desc')
    .orderBy('version', 'desc')
    .execute();
  const outputPorts = await ctx.db
    .selectFrom('output_ports')
    .selectAll()
    .where('product_id', '=', id)
    .where('product_version', '=', version)
    .orderBy('name')
    .orderBy('port_version')
    .execute();
  const inputPorts = await ctx.db
    .selectFrom('input_ports')
    .selectAll()
    .where('product_id', '=', id)
    .where('product_version', '=', version)
    .orderBy('name')
    .orderBy('port_version')
    .execute();
  const contracts = await ctx.db
    .selectFrom('contracts')
    .selectAll()
    .where('product_id', '=', id)
    .where('product_version', '=', version)
    .orderBy('contract_id')
    .orderBy('contract_version')
    .execute();
  return productDetailFromRows({ product, versions, outputPorts, inputPorts, contracts });
}
