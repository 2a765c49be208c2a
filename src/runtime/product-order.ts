import { topologicalOrder } from './output-order.js';
import type { RuntimeProduct } from './runtime-product.js';

/**
 * Products in an order that runs each after the products it reads (its `product` input ports),
 * stable otherwise. Throws INVALID_INPUT on a cycle (which `meshplane validate` reports first).
 */
export function productRunOrder(products: readonly RuntimeProduct[]): RuntimeProduct[] {
  const byId = new Map(products.map((p) => [p.id, p] as const));
  const deps = new Map(
    products.map(
      (p) => [p.id, new Set(p.inputs.flatMap((i) => (i.kind === 'product' ? [i.productId] : [])))] as const,
    ),
  );
  return topologicalOrder([...byId.keys()], deps).flatMap((id) => byId.get(id) ?? []);
}
