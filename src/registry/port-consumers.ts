/**
 * Who reads an output port version: other products whose input ports read it, and query
 * consumers (counted by the query path in the store's port usage). The migration report of a
 * deprecated version, and the guard that keeps a version with active consumers from being retired.
 */
import type { ControlStore } from '../store/index.js';

export interface PortConsumer {
  readonly kind: 'product' | 'query';
  /** A product id, or the consumer name a query was made as. */
  readonly name: string;
  /** The team to tell: the product's owner team, or the consumer itself. */
  readonly notify: string;
  readonly reads?: number;
  readonly rows?: number;
  readonly lastReadAt?: string;
  /** Read within the mesh's `registry.activeConsumerDays` (products always are). */
  readonly active: boolean;
}

/** Consumers of major `major` of `productId`'s port `port` (its key is `key`). */
export async function portConsumers(
  store: ControlStore,
  target: { readonly productId: string; readonly port: string; readonly key: string; readonly major: number },
  activeDays: number,
  now: Date = new Date(),
): Promise<PortConsumer[]> {
  const since = now.getTime() - activeDays * 86_400_000;
  const usage = await store.listPortUsage({
    productId: target.productId,
    port: target.port,
    major: target.major,
  });
  const queries: PortConsumer[] = usage.map((u) => ({
    kind: 'query',
    name: u.consumer,
    notify: u.consumer,
    reads: u.reads,
    rows: u.rows,
    lastReadAt: u.lastReadAt,
    active: Date.parse(u.lastReadAt) >= since,
  }));
  const products: PortConsumer[] = [];
  for (const summary of await store.listProducts()) {
    if (summary.id === target.productId) continue;
    const detail = await store.getProduct(summary.id);
    const reads = detail?.inputPorts.some(
      (i) =>
        i.source.kind === 'product' &&
        i.source.productId === target.productId &&
        i.source.port === target.key,
    );
    if (reads === true) {
      products.push({
        kind: 'product',
        name: summary.id,
        notify: summary.ownerTeam ?? summary.id,
        active: true,
      });
    }
  }
  return [...products, ...queries];
}
