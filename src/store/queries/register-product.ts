/** The registry's one write: a product version registered by a deploy, inside its transaction. */
import type { Kysely } from 'kysely';
import { MeshplaneError } from '../../errors/index.js';
import { type RegisteredBy, registrationToRows } from '../mapping/product-rows.js';
import type { ProductRegistration } from '../model/product-model.js';
import type { ControlDatabase } from '../schema/control-database.js';

/**
 * Whether the version is registered with this digest already; CONFLICT when it is registered with
 * another digest (a registered version is immutable).
 */
export async function versionRegistered(
  db: Kysely<ControlDatabase>,
  productId: string,
  version: string,
  digest: string,
): Promise<boolean> {
  const existing = await db
    .selectFrom('product_versions')
    .select('digest')
    .where('product_id', '=', productId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (existing !== undefined && existing.digest !== digest) {
    throw new MeshplaneError(
      'CONFLICT',
      `version ${version} of ${productId} is already registered with other content; a registered version never changes, so deploy it under a new version`,
      { details: { productId, version } },
    );
  }
  return existing !== undefined;
}

/**
 * Upserts the product, writes its version with ports and contracts (replacing them when the same
 * version is deployed again, as in a roll-back), and makes the version current. Must run in the
 * transaction that marks the deploy succeeded.
 */
export async function registerProduct(
  trx: Kysely<ControlDatabase>,
  by: RegisteredBy,
  registration: ProductRegistration,
): Promise<void> {
  const rows = registrationToRows(by, registration);
  const known = await versionRegistered(trx, by.productId, by.version, by.digest);
  const { id: _id, created_at: _createdAt, ...productUpdate } = rows.product;
  await trx
    .insertInto('products')
    .values(rows.product)
    .onConflict((oc) => oc.column('id').doUpdateSet(productUpdate))
    .execute();
  const versionKey = { product_id: by.productId, product_version: by.version } as const;
  if (known) {
    for (const table of ['output_ports', 'input_ports', 'contracts'] as const) {
      await trx
        .deleteFrom(table)
        .where('product_id', '=', versionKey.product_id)
        .where('product_version', '=', versionKey.product_version)
        .execute();
    }
    await trx
      .updateTable('product_versions')
      .set({ deploy_id: by.deployId, deployed_at: by.at, descriptor: rows.version.descriptor })
      .where('product_id', '=', by.productId)
      .where('version', '=', by.version)
      .execute();
  } else {
    await trx.insertInto('product_versions').values(rows.version).execute();
  }
  if (rows.outputPorts.length > 0) await trx.insertInto('output_ports').values(rows.outputPorts).execute();
  if (rows.inputPorts.length > 0) await trx.insertInto('input_ports').values(rows.inputPorts).execute();
  if (rows.contracts.length > 0) await trx.insertInto('contracts').values(rows.contracts).execute();
}
