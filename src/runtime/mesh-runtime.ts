import { type DuckDBConfig, DuckDBDriver } from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { filePortSpec, hasNewFiles, type IngestProgress } from '../ports/files/index.js';
import {
  createStreamSink,
  isStreamedKind,
  markConsumedSql,
  type StreamLimits,
  type StreamSink,
  streamPortSpec,
  streamTablesSql,
  unconsumedSql,
} from '../ports/stream/index.js';
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
import { isStoredInput, type RuntimeProduct, type StoredInputPort } from './runtime-product.js';
import { productAlias } from './storage-layout.js';

export interface MeshRuntimeOptions {
  /** The workspace root; product files go to `<workspace>/.meshplane/products/`. */
  readonly workspace: string;
  readonly duckdb?: DuckDBConfig;
  readonly recorder?: RunRecorder;
  /** Files modified less than this many milliseconds ago wait for the next run (default 1000). */
  readonly settleMs?: number;
  /** Bounds of one batch of a streamed input port (records, bytes). */
  readonly streamLimits?: Partial<StreamLimits>;
}

/** Called after a deploy with the products it added or replaced. */
export type DeployListener = (products: readonly RuntimeProduct[]) => void;

function streamedInputs(product: RuntimeProduct): StoredInputPort[] {
  return product.inputs.filter(isStoredInput).filter((input) => isStreamedKind(input.kind));
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
  readonly #streamLimits: Partial<StreamLimits>;
  /** Sinks of streamed input ports, made on first use, per product object (a redeploy drops them). */
  readonly #sinks = new Map<string, { product: RuntimeProduct; sinks: Map<string, StreamSink> }>();
  /** Whether a streamed port committed since the product's last run; unknown until read from its file. */
  readonly #unconsumed = new Map<string, boolean>();
  readonly #deployListeners = new Set<DeployListener>();
  #names: MeshNames = meshNames([]);

  private constructor(hub: DuckDBDriver, options: MeshRuntimeOptions) {
    this.hub = hub;
    this.workspace = options.workspace;
    this.#recorder = options.recorder ?? NO_RUN_RECORDER;
    this.#settleMs = options.settleMs ?? 1000;
    this.#streamLimits = options.streamLimits ?? {};
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
      await this.#lock.run(product.id, async () => {
        const storage = await provisionProduct(this.#ctx, product);
        if (streamedInputs(product).length > 0) {
          for (const sql of streamTablesSql(storage.alias)) await this.hub.run(sql);
        }
      });
      this.#products.set(product.id, product);
      this.#sinks.delete(product.id);
    }
    this.#names = meshNames([...this.#products.values()]);
    await this.#lock.run('\u0000catalog', () => syncMeshCatalog(this.hub, this.#names));
    for (const listener of this.#deployListeners) listener(products);
    return this.#names;
  }

  /** Calls `listener` after every deploy; returns the function that stops it. */
  onDeploy(listener: DeployListener): () => void {
    this.#deployListeners.add(listener);
    return () => this.#deployListeners.delete(listener);
  }

  /**
   * The sink of a streamed input port of a deployed product (http-push, nats, postgres-cdc,
   * http-pull), serialized with the product's runs and other writes. NOT_FOUND for an unknown
   * product or port, CONFLICT for a port fed otherwise (files, a table, another product).
   */
  streamSink(productId: string, portName: string): StreamSink {
    const product = this.#products.get(productId);
    if (product === undefined) throw new MeshplaneError('NOT_FOUND', `no deployed product '${productId}'`);
    const port = product.inputs.find((p) => p.name === portName);
    if (port === undefined)
      throw new MeshplaneError('NOT_FOUND', `product '${productId}' has no input port '${portName}'`);
    if (!isStoredInput(port) || !isStreamedKind(port.kind)) {
      throw new MeshplaneError(
        'CONFLICT',
        `input port ${productId}/${portName} is a ${port.kind} port; it does not take streamed records`,
      );
    }
    let entry = this.#sinks.get(productId);
    if (entry?.product !== product) {
      entry = { product, sinks: new Map() };
      this.#sinks.set(productId, entry);
    }
    let sink = entry.sinks.get(portName);
    if (sink === undefined) {
      sink = createStreamSink(this.hub, productAlias(productId), streamPortSpec(port, this.#streamLimits), {
        serialize: (fn) => this.#lock.run(productId, fn),
        onCommit: () => this.#unconsumed.set(productId, true),
        defaultSource: `${port.kind}:${portName}`,
      });
      entry.sinks.set(portName, sink);
    }
    return sink;
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
    return this.#lock.run(product.id, async () => {
      // Under the lock no streamed batch commits: the run sees exactly what is committed now.
      const pending = await this.#pendingStreams(product);
      const result = await runProduct(this.#ctx, product, {
        recorder: this.#recorder,
        settleMs: this.#settleMs,
        ...options,
      });
      const alias = productAlias(product.id);
      for (const { port, seq } of pending) await this.hub.run(markConsumedSql(alias, port, seq));
      this.#unconsumed.set(product.id, false);
      return result;
    });
  }

  /** Streamed ports with batches committed since the last run, and their committed sequence. */
  async #pendingStreams(product: RuntimeProduct): Promise<{ port: string; seq: number }[]> {
    if (streamedInputs(product).length === 0 || this.#unconsumed.get(product.id) === false) return [];
    const rows = await this.hub.query(unconsumedSql(productAlias(product.id)));
    return rows.map((r) => ({ port: String(r.port), seq: Number(r.seq) }));
  }

  /**
   * Whether a streamed input port of `product` committed since its last run (known in memory
   * after the first look at the product's file, so a restart catches up), or a file input port
   * has a settled file it has not ingested yet.
   */
  async hasNewInput(product: RuntimeProduct): Promise<boolean> {
    if (streamedInputs(product).length > 0) {
      let unconsumed = this.#unconsumed.get(product.id);
      if (unconsumed === undefined) {
        unconsumed = (await this.#pendingStreams(product)).length > 0;
        if (!this.#unconsumed.has(product.id)) this.#unconsumed.set(product.id, unconsumed);
      }
      if (unconsumed) return true;
    }
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
