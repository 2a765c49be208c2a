/** A port's contract history, read from what deploys registered (contracts, output ports, versions). */
import { requireText } from '../input-checks.js';
import { portContractsFromRows } from '../mapping/contract-history-rows.js';
import type { PortContractVersion } from '../model/product-model.js';
import type { StoreContext } from '../store-context.js';

/**
 * Every contract version the output port was registered with, oldest first, each with the first
 * product version that registered it. A contract belongs to the port when its `port` names it and
 * the product version lists the port with that contract (which fixes the port's version when
 * several versions of the port run side by side).
 */
export async function listPortContracts(
  ctx: StoreContext,
  productId: string,
  port: string,
): Promise<PortContractVersion[]> {
  const rows = await ctx.db
    .selectFrom('contracts as c')
    .innerJoin('product_versions as v', (join) =>
      join.onRef('v.product_id', '=', 'c.product_id').onRef('v.version', '=', 'c.product_version'),
    )
    .innerJoin('output_ports as o', (join) =>
      join
        .onRef('o.product_id', '=', 'c.product_id')
        .onRef('o.product_version', '=', 'c.product_version')
        .onRef('o.name', '=', 'c.port')
        .onRef('o.contract_id', '=', 'c.contract_id'),
    )
    .select([
      'c.contract_id',
      'c.contract_version',
      'c.document',
      'o.port_version',
      'v.version as product_version',
      'v.deployed_at',
    ])
    .where('c.product_id', '=', requireText(productId, 'productId'))
    .where('c.port', '=', requireText(port, 'port'))
    .orderBy('v.deployed_at')
    .orderBy('v.version')
    .orderBy('c.contract_id')
    .orderBy('c.contract_version')
    .execute();
  return portContractsFromRows(rows);
}
