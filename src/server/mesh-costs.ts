/**
 * Cost accounting wired to one runtime: the deployed products and their files, mesh.yaml's
 * quotas (one cached reader per runtime, so every route sees the same quotas), and the tables a
 * query reads. Routes call these; src/observability/cost/ holds the accounting itself.
 */
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { MeshplaneError } from '../errors/index.js';
import {
  CostBook,
  type CostProduct,
  domainStorageRefusal,
  estimatedRows,
  meshQuotaReader,
  type QuotaTable,
  type TableRead,
  TableRowCache,
  tableBytes,
  tableKey,
} from '../observability/cost/index.js';
import { checkSelect, type MeshRuntime, type MeshTarget, productFile } from '../runtime/index.js';
import type { ControlStore } from '../store/index.js';
import { MESH_FILE } from '../workspace/document-files.js';

const readers = new WeakMap<MeshRuntime, () => Promise<QuotaTable>>();
const rowCaches = new WeakMap<MeshRuntime, TableRowCache>();

/** The runtime's cache of output table row counts (one per runtime, shared by its routes). */
function rowCacheOf(runtime: MeshRuntime): TableRowCache {
  let cache = rowCaches.get(runtime);
  if (cache === undefined) {
    cache = new TableRowCache((tables) => estimatedRows(runtime.hub, tables));
    rowCaches.set(runtime, cache);
  }
  return cache;
}

/** The quotas of the runtime's workspace mesh.yaml, re-read when the file changes. */
function quotasOf(runtime: MeshRuntime): () => Promise<QuotaTable> {
  let reader = readers.get(runtime);
  if (reader === undefined) {
    reader = meshQuotaReader(path.join(runtime.workspace, MESH_FILE));
    readers.set(runtime, reader);
  }
  return reader;
}

function productsOf(runtime: MeshRuntime): readonly CostProduct[] {
  return runtime
    .products()
    .map((p) => ({ id: p.id, domain: p.domain, file: productFile(runtime.workspace, p.id) }));
}

/** The refusal of new data for a product of `domain` when the domain is at its storage quota. */
export async function storageRefusalOf(
  runtime: MeshRuntime,
  domain: string,
): Promise<MeshplaneError | undefined> {
  return domainStorageRefusal(await quotasOf(runtime)(), productsOf(runtime), domain);
}

/** What the query route calls around a query. */
export interface QueryCosts {
  /**
   * Throws FORBIDDEN when the query would read a domain that has used its query time of the
   * current UTC day. Resolves the query's tables only when some domain has such a quota; a query
   * that does not resolve is let through, for the query path to refuse with its own message.
   */
  admit(sql: string): Promise<void>;
  /** Charges a finished query to its consumer and the domains it read; logs, never throws. */
  record(
    targets: readonly MeshTarget[],
    consumer: string,
    durationMs: number,
    rows: number,
    log: FastifyBaseLogger,
  ): Promise<void>;
}

/** The cost book of a runtime over `store`. */
export function costBookOf(runtime: MeshRuntime, store: ControlStore): CostBook {
  return new CostBook({ store, products: () => productsOf(runtime), quotas: quotasOf(runtime) });
}

/** Each table a query read once, with its domain and estimated bytes (rows x column widths). */
async function tableReads(runtime: MeshRuntime, targets: readonly MeshTarget[]): Promise<TableRead[]> {
  const products = new Map(runtime.products().map((p) => [p.id, p]));
  const tables = new Map<
    string,
    { alias: string; table: string; productId: string; domain: string; types: string[] }
  >();
  for (const target of targets) {
    const product = products.get(target.productId);
    const port = product?.outputs.find((o) => o.name === target.port);
    if (product === undefined || port === undefined) continue;
    // A version served as a view over another major reads that major's table.
    const table = port.viewOf?.source ?? port.name;
    const ref = { alias: target.alias, table };
    tables.set(tableKey(ref), {
      ...ref,
      productId: product.id,
      domain: product.domain,
      types: port.columns.map((c) => c.sqlType),
    });
  }
  const rows = await rowCacheOf(runtime).rows([...tables.values()]);
  return [...tables.entries()].map(([key, t]) => ({
    productId: t.productId,
    domain: t.domain,
    bytes: tableBytes(rows.get(key) ?? 0, t.types),
  }));
}

/** Query admission and accounting for the query route. */
export function queryCostsOf(runtime: MeshRuntime, store: ControlStore): QueryCosts {
  const book = costBookOf(runtime, store);
  return {
    admit: async (sql) => {
      if (!(await book.limitsQueryTime())) return;
      const targets = await runtime.hub
        .withSession((session) => checkSelect(session, sql, runtime.names()))
        .then((checked) => checked.targets)
        .catch(() => undefined);
      if (targets === undefined) return;
      const products = new Map(runtime.products().map((p) => [p.id, p.domain]));
      const domains = targets.flatMap((t) => products.get(t.productId) ?? []);
      const refusal = await book.queryRefusal(domains);
      if (refusal !== undefined) throw refusal;
    },
    record: async (targets, consumer, durationMs, rows, log) => {
      try {
        await book.recordQuery({ consumer, durationMs, rows, reads: await tableReads(runtime, targets) });
      } catch (error) {
        log.warn({ err: error }, 'could not record query cost');
      }
    },
  };
}
