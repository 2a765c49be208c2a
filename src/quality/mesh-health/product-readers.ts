/**
 * Who reads each product, and across which domain borders. Readers are the query consumers with
 * a read in the window (port usage) and the products that read it through a `product` input
 * port (always active: they read it on every run). A reader is of another domain when it has a
 * domain and none of its domains is the product's own; the edge goes from the product's domain
 * to each of the reader's.
 */
import { consumerDomains } from './consumer-domains.js';
import type { MeshHealthInput } from './health-input.js';
import type { ProductConsumers, ReuseEdge } from './health-report.js';

export interface ProductReaders extends ProductConsumers {
  /** Names of its active query consumers. */
  readonly consumerNames: readonly string[];
}

export interface MeshReaders {
  readonly byProduct: ReadonlyMap<string, ProductReaders>;
  /** Sorted by from, then to. */
  readonly edges: readonly ReuseEdge[];
  /** Active query consumers who belong to no domain. */
  readonly consumersWithoutDomain: readonly string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Readers of every product of `input`, within its consumer window ending at `now`. */
export function meshReaders(input: MeshHealthInput): MeshReaders {
  const since = Date.parse(input.now) - input.days * 86_400_000;
  const domainsOf = consumerDomains(input.domains, input.teams);
  const domainOfProduct = new Map(input.products.map((p) => [p.id, p.domain] as const));

  const consumers = new Map<string, Set<string>>();
  for (const use of input.usage) {
    if (!(Date.parse(use.lastReadAt) >= since)) continue;
    const set = consumers.get(use.productId) ?? new Set<string>();
    set.add(use.consumer);
    consumers.set(use.productId, set);
  }
  const readingProducts = new Map<string, Set<string>>();
  for (const reader of input.products) {
    for (const upstream of reader.reads) {
      if (upstream === reader.id) continue;
      const set = readingProducts.get(upstream) ?? new Set<string>();
      set.add(reader.id);
      readingProducts.set(upstream, set);
    }
  }

  const edges = new Map<string, { from: string; to: string; products: Set<string>; readers: Set<string> }>();
  const withoutDomain = new Set<string>();
  const byProduct = new Map<string, ProductReaders>();
  for (const product of input.products) {
    const names = [...(consumers.get(product.id) ?? [])].sort(byText);
    const products = [...(readingProducts.get(product.id) ?? [])].sort(byText);
    const readers = [
      ...names.map((name) => ({ key: `consumer:${name}`, domains: domainsOf(name), name })),
      ...products.map((id) => {
        const domain = domainOfProduct.get(id);
        return { key: `product:${id}`, domains: domain === undefined ? [] : [domain], name: undefined };
      }),
    ];
    const readBy = new Set<string>();
    for (const reader of readers) {
      if (reader.domains.length === 0 && reader.name !== undefined) withoutDomain.add(reader.name);
      if (reader.domains.length === 0 || reader.domains.includes(product.domain)) continue;
      for (const to of reader.domains) {
        readBy.add(to);
        const key = `${product.domain}\u0000${to}`;
        const edge = edges.get(key) ?? { from: product.domain, to, products: new Set(), readers: new Set() };
        edge.products.add(product.id);
        edge.readers.add(reader.key);
        edges.set(key, edge);
      }
    }
    byProduct.set(product.id, {
      active: names.length + products.length,
      queryConsumers: names.length,
      products: products.length,
      readByDomains: [...readBy].sort(byText),
      consumerNames: names,
    });
  }
  return {
    byProduct,
    edges: [...edges.values()]
      .sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to))
      .map((e) => ({ from: e.from, to: e.to, products: e.products.size, readers: e.readers.size })),
    consumersWithoutDomain: [...withoutDomain].sort(byText),
  };
}
