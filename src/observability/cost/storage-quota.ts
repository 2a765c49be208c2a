/** The storage quota check: a domain's product files against its `storageBytes`. */
import type { MeshplaneError } from '../../errors/index.js';
import type { QuotaTable } from './domain-quotas.js';
import { storageRefusal } from './quota-refusal.js';
import { type CostProduct, productStorage } from './storage-usage.js';

/**
 * The refusal for new data of `domain` when its products' files (and WALs) take at least its
 * storage quota, else undefined. Costs one `stat` per file of the domain, and none without a quota.
 */
export async function domainStorageRefusal(
  quotas: QuotaTable,
  products: readonly CostProduct[],
  domain: string,
): Promise<MeshplaneError | undefined> {
  const limit = quotas.get(domain)?.storageBytes;
  if (limit === undefined) return undefined;
  const sizes = await Promise.all(products.filter((p) => p.domain === domain).map(productStorage));
  return storageRefusal(
    domain,
    limit,
    sizes.reduce((sum, s) => sum + s.fileBytes + s.walBytes, 0),
  );
}
