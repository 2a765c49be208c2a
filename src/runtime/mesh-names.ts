/**
 * The names consumers give output ports in SQL, and the hub views that make DuckDB resolve them:
 *
 * - `<domain>.<product>.<port>`: every output port, view `"<domain>"."<product>"."<port>"`;
 * - `<domain>.<product>`: the product's default port (its only or first output), view
 *   `"<domain>"."main"."<product>"`;
 * - `<domain>.<port>`: a port whose name is unique in its domain and is no product's name there,
 *   view `"<domain>"."main"."<port>"` (so `orders.order_lines` works, as DESIGN.md writes it).
 *
 * Each domain is an in-memory catalog of the hub; DuckDB reads a two-part name as
 * catalog.table (schema `main`) because the default catalog holds no schema of that name. Pure.
 */
import type { RuntimeProduct } from './runtime-product.js';
import { OUTPUT_SCHEMA, productAlias } from './storage-layout.js';

export interface MeshTarget {
  readonly productId: string;
  readonly port: string;
  /** The product's catalog alias in the hub. */
  readonly alias: string;
}

export interface MeshNameEntry {
  /** As a consumer writes it, lower case: `orders.orders.order_lines`. */
  readonly name: string;
  readonly catalog: string;
  readonly schema: string;
  readonly view: string;
  readonly target: MeshTarget;
}

export interface MeshNames {
  readonly entries: readonly MeshNameEntry[];
  /** Products or domains that got no names, and why. */
  readonly problems: readonly string[];
  /** The target of a table reference (2 or 3 parts, any case), if it is a mesh name. */
  resolve(parts: readonly string[]): MeshTarget | undefined;
}

/** Catalog names DuckDB or the hub already use. */
const RESERVED = new Set(['memory', 'system', 'temp', 'main', 'information_schema', 'pg_catalog']);

function entry(catalog: string, schema: string, view: string, target: MeshTarget): MeshNameEntry {
  const name = schema === OUTPUT_SCHEMA ? `${catalog}.${view}` : `${catalog}.${schema}.${view}`;
  return { name, catalog, schema, view, target };
}

function productEntries(product: RuntimeProduct): MeshNameEntry[] {
  const alias = productAlias(product.id);
  const target = (port: string): MeshTarget => ({ productId: product.id, port, alias });
  const [first] = product.outputs;
  if (first === undefined) return [];
  return [
    entry(product.domain, OUTPUT_SCHEMA, product.sqlName, target(first.name)),
    ...product.outputs.map((o) =>
      entry(product.domain, product.sqlName, o.name.toLowerCase(), target(o.name)),
    ),
  ];
}

function portShortcuts(products: readonly RuntimeProduct[], taken: ReadonlySet<string>): MeshNameEntry[] {
  const byName = new Map<string, MeshNameEntry[]>();
  for (const product of products) {
    for (const o of product.outputs) {
      const e = entry(product.domain, OUTPUT_SCHEMA, o.name.toLowerCase(), {
        productId: product.id,
        port: o.name,
        alias: productAlias(product.id),
      });
      byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
    }
  }
  return [...byName.values()].flatMap((list) =>
    list.length === 1 && !taken.has(list[0]?.name ?? '') ? list : [],
  );
}

/** The mesh names of `products`. */
export function meshNames(products: readonly RuntimeProduct[]): MeshNames {
  const problems: string[] = [];
  const usable = products.filter((p) => {
    const why =
      RESERVED.has(p.domain) || p.domain.startsWith('p_') ? `domain name ${p.domain} is reserved` : undefined;
    const clash =
      p.sqlName === OUTPUT_SCHEMA || p.sqlName.includes('.')
        ? `product name ${p.sqlName} cannot be a SQL schema name`
        : undefined;
    if (why ?? clash) problems.push(`${p.id}: ${why ?? clash}; it gets no SQL name`);
    return why === undefined && clash === undefined;
  });
  const own = usable.flatMap(productEntries);
  const taken = new Set(own.map((e) => e.name));
  const entries = [...own, ...portShortcuts(usable, taken)];
  const byName = new Map<string, MeshTarget>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e.target);
  return {
    entries,
    problems,
    resolve(parts) {
      const lower = parts.map((p) => p.toLowerCase());
      const key =
        lower.length === 3 && lower[1] === OUTPUT_SCHEMA ? `${lower[0]}.${lower[2]}` : lower.join('.');
      return lower.length >= 2 ? byName.get(key) : undefined;
    },
  };
}
