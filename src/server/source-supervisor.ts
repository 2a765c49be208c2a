import { setTimeout as delay } from 'node:timers/promises';
import { MeshplaneError } from '../errors/index.js';
import type { IngestionMetrics } from '../observability/index.js';
import {
  isStreamedKind,
  type PortStatus,
  type StreamBatch,
  type StreamSink,
  type StreamSource,
  type StreamSourceContext,
} from '../ports/stream/index.js';
import {
  isStoredInput,
  type MeshRuntime,
  type RuntimeProduct,
  type StoredInputPort,
} from '../runtime/index.js';

/** Makes the long-running source of a stored input port of one kind (`natsSourceFactory`, ...). */
export type SourceFactory = (port: StoredInputPort, product: RuntimeProduct) => StreamSource;

/** What a port has stored since the server started. */
export interface PortCounters {
  readonly accepted: number;
  readonly duplicates: number;
  readonly quarantined: number;
  readonly batches: number;
  readonly lastCommitAt?: string;
}

/** One input port as `GET /products/:id/ports` and `meshplane ports` show it. */
export interface PortView {
  readonly port: string;
  readonly kind: string;
  /** Whether the port takes records as they come (a source or HTTP push), or is fed by runs. */
  readonly streamed: boolean;
  readonly status: PortStatus;
  readonly counters?: PortCounters;
}

export interface SupervisorOptions {
  readonly log?: (line: string) => void;
  /** First wait before restarting a failed source, doubled per failure up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** How long a stop waits for a source to return after its signal is aborted (default 10 s). */
  readonly stopTimeoutMs?: number;
  readonly now?: () => Date;
  /** Where each committed batch is counted and timed. */
  readonly metrics?: Pick<IngestionMetrics, 'committed'>;
}

interface PortState {
  readonly productId: string;
  readonly port: string;
  status: PortStatus;
  counters: PortCounters;
  paused: boolean;
  /** The running source's loop, when the port's kind has a factory. */
  runner?: SourceRunner | undefined;
}

interface SourceRunner {
  readonly product: RuntimeProduct;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

const key = (productId: string, port: string) => `${productId}\u0000${port}`;

/** Waits `ms`, or less when `signal` aborts; never rejects. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal }).catch(() => undefined);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a StreamSource for every stored input port of every deployed product whose kind has a
 * registered factory: restarts a failed source with exponential backoff (status `failed` with the
 * reason meanwhile), restarts a redeployed product's sources with the new definition, pauses and
 * resumes a port, and stops every source on shutdown. Every streamed port's sink is counted here,
 * HTTP push's included, for the port status.
 */
export class SourceSupervisor {
  readonly #runtime: MeshRuntime;
  readonly #factories: ReadonlyMap<string, SourceFactory>;
  readonly #log: (line: string) => void;
  readonly #initialBackoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #stopTimeoutMs: number;
  readonly #now: () => Date;
  readonly #metrics: Pick<IngestionMetrics, 'committed'> | undefined;
  readonly #ports = new Map<string, PortState>();
  readonly #products = new Map<string, RuntimeProduct>();
  #unsubscribe: (() => void) | undefined;
  #stopped = false;

  constructor(
    runtime: MeshRuntime,
    factories: Readonly<Record<string, SourceFactory>>,
    options: SupervisorOptions = {},
  ) {
    this.#runtime = runtime;
    this.#factories = new Map(Object.entries(factories));
    this.#log = options.log ?? (() => undefined);
    this.#initialBackoffMs = options.initialBackoffMs ?? 1000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.#stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    this.#now = options.now ?? (() => new Date());
    this.#metrics = options.metrics;
  }

  /** Starts the sources of every deployed product, and follows deploys from now on. */
  start(): void {
    this.#unsubscribe ??= this.#runtime.onDeploy(() => void this.sync());
    void this.sync();
  }

  /** Brings the running sources in step with the deployed products. */
  async sync(): Promise<void> {
    if (this.#stopped) return;
    const deployed = new Map(this.#runtime.products().map((p) => [p.id, p]));
    const stopping: Promise<void>[] = [];
    for (const [id, product] of this.#products) {
      if (deployed.get(id) !== product) stopping.push(this.#stopProduct(product, deployed.get(id)));
    }
    await Promise.all(stopping);
    for (const product of deployed.values()) {
      if (this.#products.get(product.id) === product) continue;
      this.#products.set(product.id, product);
      for (const input of product.inputs) {
        if (!isStoredInput(input) || !isStreamedKind(input.kind)) continue;
        const state = this.#state(product.id, input.name);
        if (!state.paused) this.#startSource(state, product, input);
      }
    }
  }

  /** Stops a product's sources; a port the new definition no longer has is forgotten. */
  async #stopProduct(product: RuntimeProduct, next: RuntimeProduct | undefined): Promise<void> {
    this.#products.delete(product.id);
    const keep = new Set(next?.inputs.map((i) => i.name) ?? []);
    await Promise.all(
      product.inputs.map(async (input) => {
        const state = this.#ports.get(key(product.id, input.name));
        if (state === undefined) return;
        await this.#stopSource(state);
        if (!keep.has(input.name)) this.#ports.delete(key(product.id, input.name));
      }),
    );
  }

  #state(productId: string, port: string): PortState {
    let state = this.#ports.get(key(productId, port));
    if (state === undefined) {
      state = {
        productId,
        port,
        status: { state: 'running', since: this.#now().toISOString() },
        counters: { accepted: 0, duplicates: 0, quarantined: 0, batches: 0 },
        paused: false,
      };
      this.#ports.set(key(productId, port), state);
    }
    return state;
  }

  #setStatus(state: PortState, status: Omit<PortStatus, 'since'>): void {
    const since = status.state === state.status.state ? state.status.since : this.#now().toISOString();
    state.status = { ...status, since };
  }

  #startSource(state: PortState, product: RuntimeProduct, input: StoredInputPort): void {
    const factory = this.#factories.get(input.kind);
    if (factory === undefined) {
      // HTTP push (and kinds without a source here) store what is pushed; nothing to run.
      this.#setStatus(state, { state: 'running' });
      return;
    }
    let source: StreamSource;
    try {
      source = factory(input, product);
    } catch (error) {
      this.#setStatus(state, { state: 'failed', reason: message(error) });
      this.#log(`${product.id} ${input.name}: ${message(error)}`);
      return;
    }
    const controller = new AbortController();
    const runner: SourceRunner = { product, controller, done: this.#loop(state, source, controller.signal) };
    state.runner = runner;
  }

  async #loop(state: PortState, source: StreamSource, signal: AbortSignal): Promise<void> {
    let failures = 0;
    const name = `${state.productId} ${state.port}`;
    while (!signal.aborted) {
      this.#setStatus(state, { state: 'starting' });
      const batchesBefore = state.counters.batches;
      const ctx: StreamSourceContext = {
        productId: state.productId,
        port: state.port,
        sink: this.sink(state.productId, state.port),
        signal,
        report: (status) => {
          if (!signal.aborted) this.#setStatus(state, status);
        },
        log: (line) => this.#log(`${name}: ${line}`),
      };
      let reason: string;
      try {
        await source.run(ctx);
        if (signal.aborted) break;
        reason = 'the source stopped on its own';
      } catch (error) {
        if (signal.aborted) break;
        reason = message(error);
      }
      // A source that stored something before failing starts its backoff over.
      failures = state.counters.batches > batchesBefore ? 1 : failures + 1;
      const wait = Math.min(this.#maxBackoffMs, this.#initialBackoffMs * 2 ** (failures - 1));
      this.#setStatus(state, {
        state: 'failed',
        reason: `${reason} (retrying in ${Math.round(wait / 1000)} s)`,
      });
      this.#log(`${name}: failed: ${reason}; retrying in ${wait} ms`);
      await sleep(wait, signal);
    }
  }

  async #stopSource(state: PortState): Promise<void> {
    const runner = state.runner;
    if (runner === undefined) return;
    state.runner = undefined;
    runner.controller.abort();
    // A source that ignores its signal must not hold the server's shutdown forever.
    const late = new AbortController();
    const stopped = await Promise.race([
      runner.done.then(() => true),
      sleep(this.#stopTimeoutMs, late.signal).then(() => false),
    ]);
    late.abort();
    if (!stopped)
      this.#log(`${state.productId} ${state.port}: the source did not stop in ${this.#stopTimeoutMs} ms`);
  }

  #streamedPort(productId: string, portName: string): { product: RuntimeProduct; input: StoredInputPort } {
    const product = this.#runtime.products().find((p) => p.id === productId);
    if (product === undefined) throw new MeshplaneError('NOT_FOUND', `no deployed product '${productId}'`);
    const input = product.inputs.find((p) => p.name === portName);
    if (input === undefined)
      throw new MeshplaneError('NOT_FOUND', `product '${productId}' has no input port '${portName}'`);
    if (!isStoredInput(input) || !isStreamedKind(input.kind)) {
      throw new MeshplaneError(
        'CONFLICT',
        `input port ${productId}/${portName} is a ${input.kind} port; only streamed ports pause`,
      );
    }
    return { product, input };
  }

  /** Stops the port's source (or refuses pushes to it) until `resume`. */
  async pause(productId: string, portName: string): Promise<PortView> {
    const { product, input } = this.#streamedPort(productId, portName);
    const state = this.#state(productId, portName);
    state.paused = true;
    await this.#stopSource(state);
    this.#setStatus(state, { state: 'paused' });
    return this.#view(product, input);
  }

  async resume(productId: string, portName: string): Promise<PortView> {
    const { product, input } = this.#streamedPort(productId, portName);
    const state = this.#state(productId, portName);
    if (state.paused) {
      state.paused = false;
      if (this.#products.get(productId) === product) this.#startSource(state, product, input);
    }
    return this.#view(product, input);
  }

  isPaused(productId: string, portName: string): boolean {
    return this.#ports.get(key(productId, portName))?.paused === true;
  }

  /** The port's sink, counted for its status. */
  sink(productId: string, portName: string): StreamSink {
    const inner = this.#runtime.streamSink(productId, portName);
    const state = this.#state(productId, portName);
    return {
      write: async (batch: StreamBatch, signal?: AbortSignal) => {
        const started = performance.now();
        const result = await inner.write(batch, signal);
        this.#metrics?.committed(productId, portName, result, performance.now() - started);
        const c = state.counters;
        state.counters = {
          accepted: c.accepted + result.accepted,
          duplicates: c.duplicates + result.duplicates,
          quarantined: c.quarantined + result.quarantined,
          batches: c.batches + 1,
          lastCommitAt: this.#now().toISOString(),
        };
        return result;
      },
      stage: (records, firstIdx) => inner.stage(records, firstIdx),
      checkpoint: () => inner.checkpoint(),
    };
  }

  #view(product: RuntimeProduct, input: RuntimeProduct['inputs'][number]): PortView {
    const streamed = isStoredInput(input) && isStreamedKind(input.kind);
    if (!streamed) {
      return {
        port: input.name,
        kind: input.kind,
        streamed,
        status: {
          state: 'running',
          reason: 'read on each run of the product',
          since: this.#now().toISOString(),
        },
      };
    }
    const state = this.#state(product.id, input.name);
    return { port: input.name, kind: input.kind, streamed, status: state.status, counters: state.counters };
  }

  /** Every input port of a deployed product with its status (and counters for streamed ones). */
  ports(productId: string): PortView[] {
    const product = this.#runtime.products().find((p) => p.id === productId);
    if (product === undefined) throw new MeshplaneError('NOT_FOUND', `no deployed product '${productId}'`);
    return product.inputs.map((input) => this.#view(product, input));
  }

  /** Stops every source and waits for each to return. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    await Promise.all([...this.#ports.values()].map((state) => this.#stopSource(state)));
    for (const state of this.#ports.values()) this.#setStatus(state, { state: 'stopped' });
  }
}
