/**
 * The names consumers give output ports in SQL, and the hub views that make DuckDB resolve them:
 *
 * - `<domain>.<product>.<port>`: every output port, view `"<domain>"."<product>"."<port>"`;
 * - `<domain>.<product>`: the product's default port (its only or first output), view
 *   `"<domain>"."main"."<product>"`;
 * - `<domain>.<port>`: a port whose name is unique in its domain and is no product's name there,
 *   view `"<domain>"."main"."<port>"` (so `orders.order_lines` works, as DESIGN.md writes it).
 *
 * A port with several major versions served side by side: the names above read its latest major;
 * each major also has a pinned name with `@v<major>` after the port (`orders."order_lines@v1"`,
 * `orders.orders."order_lines@v1"`), quoted in SQL because of the `@`.
 *
 * Each domain is an in-memory catalog of the hub; DuckDB reads a two-part name as
 * catalog.table (schema `main`) because the default catalog holds no schema of that name. Pure.
 */
import { latestVersions } from './output-versions.js';
import type { PortLifecycle, RuntimeOutputPort, RuntimeProduct } from './runtime-product.js';
import { OUTPUT_SCHEMA, productAlias } from './storage-layout.js';

export interface MeshTarget {
  readonly productId: string;
  /** The port version's key: its table in the product's file. */
  readonly port: string;
  /** The product's catalog alias in the hub. */
  readonly alias: string;
  /** The port's name in the product descriptor, and this version's major and version. */
  readonly portName: string;
  readonly major: number;
  readonly version: string;
  readonly lifecycle: PortLifecycle;
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

function target(product: RuntimeProduct, port: RuntimeOutputPort): MeshTarget {
  return {
    productId: product.id,
    port: port.name,
    alias: productAlias(product.id),
    portName: port.portName,
    major: port.major,
    version: port.version,
    lifecycle: port.lifecycle,
  };
}

/** Pinned view names (`order_lines@v1`) of every served port version, so consumers can pin before a new major arrives. */
function pinned(product: RuntimeProduct): { view: string; port: RuntimeOutputPort }[] {
  return product.outputs.map((o) => ({ view: `${o.portName.toLowerCase()}@v${o.major}`, port: o }));
}

function productEntries(product: RuntimeProduct): MeshNameEntry[] {
  const latest = latestVersions(product.outputs);
  const [first] = product.outputs;
  if (first === undefined) return [];
  const preferred = latest.get(first.portName) ?? first;
  return [
    entry(product.domain, OUTPUT_SCHEMA, product.sqlName, target(product, preferred)),
    ...[...latest.values()].map((o) =>
      entry(product.domain, product.sqlName, o.portName.toLowerCase(), target(product, o)),
    ),
    ...pinned(product).map(({ view, port }) =>
      entry(product.domain, product.sqlName, view, target(product, port)),
    ),
  ];
}

function portShortcuts(products: readonly RuntimeProduct[], taken: ReadonlySet<string>): MeshNameEntry[] {
  const byName = new Map<string, MeshNameEntry[]>();
  const add = (e: MeshNameEntry) => byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  for (const product of products) {
    for (const o of latestVersions(product.outputs).values()) {
      add(entry(product.domain, OUTPUT_SCHEMA, o.portName.toLowerCase(), target(product, o)));
    }
    for (const { view, port } of pinned(product)) {
      add(entry(product.domain, OUTPUT_SCHEMA, view, target(product, port)));
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
