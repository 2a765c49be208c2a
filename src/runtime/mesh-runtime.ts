import { type DuckDBConfig, DuckDBDriver } from '../engines/duckdb/index.js';
import { filePortSpec, hasNewFiles, type IngestProgress } from '../ports/files/index.js';
import { KeyedLock } from './keyed-lock.js';
import { syncMeshCatalog } from './mesh-catalog.js';
import { type MeshNames, meshNames } from './mesh-names.js';
import { type ProductStorage, provisionProduct, type StorageContext } from './product-storage.js';
import {
  listQuarantine,
  type QuarantinedRecord,
  type QuarantineQuery,
  quarantineCounts,
} from './quarantine.js';
import { type ProductRunResult, runProduct } from './run-product.js';
import { type QueryOptions, type QueryStream, runQuery } from './run-query.js';
import { NO_RUN_RECORDER, type RunRecorder, type RunTrigger } from './run-recorder.js';
import { isStoredInput, type RuntimeProduct } from './runtime-product.js';
import { productAlias } from './storage-layout.js';

export interface MeshRuntimeOptions {
  /** The workspace root; product files go to `<workspace>/.meshplane/products/`. */
  readonly workspace: string;
  readonly duckdb?: DuckDBConfig;
  readonly recorder?: RunRecorder;
  /** Files modified less than this many milliseconds ago wait for the next run (default 1000). */
  readonly settleMs?: number;
}

/**
 * The data product plane of one process: the DuckDB hub, the deployed products and their mesh
 * names. The server and the CLI create one, deploy products into it, run them and query them.
 * Writes to one product are serialized; different products run concurrently.
 */
export class MeshRuntime {
  readonly hub: DuckDBDriver;
  readonly workspace: string;
  readonly #recorder: RunRecorder;
  readonly #settleMs: number;
  readonly #lock = new KeyedLock();
  readonly #products = new Map<string, RuntimeProduct>();
  #names: MeshNames = meshNames([]);

  private constructor(hub: DuckDBDriver, options: MeshRuntimeOptions) {
    this.hub = hub;
    this.workspace = options.workspace;
    this.#recorder = options.recorder ?? NO_RUN_RECORDER;
    this.#settleMs = options.settleMs ?? 1000;
  }

  static async open(options: MeshRuntimeOptions): Promise<MeshRuntime> {
    return new MeshRuntime(await DuckDBDriver.open(options.duckdb), options);
  }

  get #ctx(): StorageContext {
    return { hub: this.hub, workspace: this.workspace };
  }

  /** Provisions `products` (idempotent), adds or replaces them in the mesh and refreshes the mesh names. */
  async deploy(products: readonly RuntimeProduct[]): Promise<MeshNames> {
    for (const product of products) {
      await this.#lock.run(product.id, () => provisionProduct(this.#ctx, product));
      this.#products.set(product.id, product);
    }
    this.#names = meshNames([...this.#products.values()]);
    await this.#lock.run('\u0000catalog', () => syncMeshCatalog(this.hub, this.#names));
    return this.#names;
  }

  /** Creates the product's file and tables without deploying it to the mesh names. */
  provision(product: RuntimeProduct): Promise<ProductStorage> {
    return this.#lock.run(product.id, () => provisionProduct(this.#ctx, product));
  }

  products(): readonly RuntimeProduct[] {
    return [...this.#products.values()];
  }

  names(): MeshNames {
    return this.#names;
  }

  /** Ingests new input files, then runs the transforms (see runProduct). */
  runProduct(
    product: RuntimeProduct,
    options: {
      readonly trigger: RunTrigger;
      readonly signal?: AbortSignal;
      readonly onProgress?: (p: IngestProgress) => void;
    },
  ): Promise<ProductRunResult> {
    return this.#lock.run(product.id, () =>
      runProduct(this.#ctx, product, { recorder: this.#recorder, settleMs: this.#settleMs, ...options }),
    );
  }

  /** Whether any file input port of `product` has a settled file it has not ingested yet. */
  async hasNewInput(product: RuntimeProduct): Promise<boolean> {
    for (const input of product.inputs) {
      if (!isStoredInput(input) || input.kind !== 'files') continue;
      const spec = filePortSpec(input, product.dir);
      if (await hasNewFiles(this.hub, productAlias(product.id), spec, { settleMs: this.#settleMs }))
        return true;
    }
    return false;
  }

  listQuarantine(productId: string, query: QuarantineQuery = {}): Promise<QuarantinedRecord[]> {
    return listQuarantine(this.#ctx, productId, query);
  }

  quarantineCounts(productId: string): Promise<Map<string, number>> {
    return quarantineCounts(this.#ctx, productId);
  }

  /** A consumer's SELECT over the deployed mesh names, checked and streamed. */
  runQuery(sql: string, options: QueryOptions = {}): Promise<QueryStream> {
    return runQuery(this.hub, this.#names, sql, options);
  }

  /** Closes the hub: every product file is checkpointed and detached. */
  close(): Promise<void> {
    return this.hub.close();
  }
}
