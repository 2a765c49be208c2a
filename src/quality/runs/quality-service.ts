/**
 * Runs output ports' quality rules, keeps each run in the quality history, counts the verdicts in
 * the metrics and tells listeners (monitors that open incidents). The one place checks are run
 * from: after a pipeline run (`quality-run-recorder.ts`), on demand (the API), and on sample data.
 */
import type { DuckDBDriver } from '../../engines/duckdb/index.js';
import { MeshplaneError, toMeshplaneError } from '../../errors/index.js';
import type { QualityMetrics } from '../../observability/index.js';
import { type RuntimeOutputPort, type RuntimeProduct, splitPinnedName } from '../../runtime/index.js';
import { type ControlStore, DEFAULT_QUALITY_HISTORY, type QualityTrigger } from '../../store/index.js';
import { type CheckReport, sampleLimit } from '../checks/index.js';
import { boundResults, boundSamples, DEFAULT_REPORT_BOUNDS, type ReportBounds } from './bound-report.js';
import { checkOutputPort, hasQualityRules } from './check-output-port.js';
import { type PortQualityReport, reportFromRun } from './port-quality-report.js';
import { countResults, qualityState } from './quality-state.js';

/**
 * Called after every check run is stored, with the product id, the port version's key (`orders`,
 * `orders@v2`) and the report. Awaited in turn; a listener that throws is logged and the others
 * still run. A listener called after a pipeline run runs while the product's run holds its lock:
 * it must not run the product (or wait for something that does).
 */
export type QualityReportListener = (
  productId: string,
  port: string,
  report: PortQualityReport,
) => void | Promise<void>;

/** What the service reads of the runtime (`MeshRuntime` has this shape). */
export interface QualityRuntime {
  readonly hub: DuckDBDriver;
  products(): readonly RuntimeProduct[];
}

export interface QualityServiceOptions {
  readonly store: Pick<ControlStore, 'recordQualityRun' | 'listQualityRuns' | 'latestQualityRuns'>;
  /** The runtime, read when checks run: the service is made before the runtime it serves. */
  readonly runtime: () => QualityRuntime | undefined;
  readonly metrics?: Pick<QualityMetrics, 'checked'>;
  /** Check runs kept per port version (default 500). */
  readonly historyLimit?: number;
  /** Rows per failing-rule sample (0 to 100; default 10). */
  readonly sampleLimit?: number;
  readonly bounds?: ReportBounds;
  readonly log?: (line: string) => void;
}

export interface CheckPortOptions {
  readonly trigger: QualityTrigger;
  /** The pipeline run the checks follow. */
  readonly runId?: string;
  readonly signal?: AbortSignal;
}

/** A port version that declares no quality rules: nothing to run. */
export interface UncheckedPort {
  readonly port: string;
  readonly major: number;
  readonly version: string;
  readonly key: string;
}

/** What checking a product on demand gives. */
export interface ProductQualityCheck {
  readonly productId: string;
  readonly reports: readonly PortQualityReport[];
  readonly withoutRules: readonly UncheckedPort[];
}

const isCancelled = (error: unknown) => error instanceof MeshplaneError && error.details?.cancelled === true;

/** The service; see the file comment. */
export class QualityService {
  readonly #options: QualityServiceOptions;
  readonly #historyLimit: number;
  readonly #sampleLimit: number;
  readonly #listeners = new Set<QualityReportListener>();

  constructor(options: QualityServiceOptions) {
    const history = options.historyLimit ?? DEFAULT_QUALITY_HISTORY;
    if (!Number.isSafeInteger(history) || history < 1)
      throw new MeshplaneError(
        'INVALID_INPUT',
        `quality history limit must be a whole number from 1 up, got ${history}`,
      );
    this.#options = options;
    this.#historyLimit = history;
    this.#sampleLimit = sampleLimit(options.sampleLimit);
  }

  /** Calls `listener` after every stored check run; returns the function that stops it. */
  onQualityReport(listener: QualityReportListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #runtime(): QualityRuntime {
    const runtime = this.#options.runtime();
    if (runtime === undefined) throw new MeshplaneError('UNAVAILABLE', 'the runtime is not open yet');
    return runtime;
  }

  #product(productId: string): RuntimeProduct {
    const product = this.#runtime()
      .products()
      .find((p) => p.id === productId);
    if (product === undefined) throw new MeshplaneError('NOT_FOUND', `no deployed product '${productId}'`);
    return product;
  }

  /**
   * Runs one port version's rules, stores the run (the oldest past the history limit dropped),
   * counts the verdicts and tells the listeners. Undefined when the port declares no rules. A
   * table that cannot be read is a stored run in state `error`; cancelling rejects, storing nothing.
   */
  async checkPort(
    product: RuntimeProduct,
    port: RuntimeOutputPort,
    options: CheckPortOptions,
  ): Promise<PortQualityReport | undefined> {
    if (!hasQualityRules(port.schema)) return undefined;
    const hub = this.#runtime().hub;
    const startedAt = new Date();
    let report: CheckReport | undefined;
    let failure: string | undefined;
    try {
      report = await checkOutputPort(hub, product.id, port, {
        sampleLimit: this.#sampleLimit,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
    } catch (error) {
      if (isCancelled(error)) throw error;
      failure = toMeshplaneError(error).message;
    }
    const bounds = this.#options.bounds ?? DEFAULT_REPORT_BOUNDS;
    const results = boundResults(report?.results ?? [], bounds);
    const stored = await this.#options.store.recordQualityRun(
      {
        productId: product.id,
        port: port.portName,
        major: port.major,
        version: port.version,
        ...(options.runId === undefined ? {} : { runId: options.runId }),
        trigger: options.trigger,
        state: failure === undefined ? qualityState(results) : 'error',
        startedAt,
        finishedAt: new Date(),
        counts: countResults(results),
        results,
        samples: boundSamples(report?.samples ?? [], bounds),
        ...(failure === undefined ? {} : { error: failure.slice(0, bounds.messageChars) }),
      },
      this.#historyLimit,
    );
    this.#options.metrics?.checked(product.id, results);
    const out = reportFromRun(stored);
    await this.#emit(product.id, port.name, out);
    return out;
  }

  async #emit(productId: string, port: string, report: PortQualityReport): Promise<void> {
    for (const listener of this.#listeners) {
      try {
        await listener(productId, port, report);
      } catch (error) {
        this.#options.log?.(`quality listener for ${productId}/${port}: ${toMeshplaneError(error).message}`);
      }
    }
  }

  /**
   * The checks after a successful pipeline run of `portKey`: never throws (the run already served
   * its data); a failure to check or store is logged. Undefined when nothing was checked.
   */
  async afterRun(
    productId: string,
    portKey: string,
    options: { readonly runId?: string; readonly trigger?: QualityTrigger } = {},
  ): Promise<PortQualityReport | undefined> {
    try {
      const product = this.#options
        .runtime()
        ?.products()
        .find((p) => p.id === productId);
      const port = product?.outputs.find((o) => o.name === portKey);
      if (product === undefined || port === undefined) return undefined;
      return await this.checkPort(product, port, {
        trigger: options.trigger ?? 'run',
        ...(options.runId === undefined ? {} : { runId: options.runId }),
      });
    } catch (error) {
      this.#options.log?.(
        `quality checks of ${productId}/${portKey} after its run: ${toMeshplaneError(error).message}`,
      );
      return undefined;
    }
  }

  /**
   * Checks a deployed product's output port versions now: all of them, or those `port` names
   * (a port name: every served major; a key such as `orders@v2`: that version). NOT_FOUND for an
   * unknown product or port.
   */
  async checkProduct(
    productId: string,
    options: {
      readonly port?: string;
      readonly trigger?: QualityTrigger;
      readonly signal?: AbortSignal;
    } = {},
  ): Promise<ProductQualityCheck> {
    const product = this.#product(productId);
    const ports = selectPorts(product, options.port);
    const reports: PortQualityReport[] = [];
    const withoutRules: UncheckedPort[] = [];
    for (const port of ports) {
      const report = await this.checkPort(product, port, {
        trigger: options.trigger ?? 'manual',
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      if (report !== undefined) reports.push(report);
      else
        withoutRules.push({ port: port.portName, major: port.major, version: port.version, key: port.name });
    }
    return { productId, reports, withoutRules };
  }

  /** The newest check run of each port version of a deployed product. */
  async latest(productId: string): Promise<PortQualityReport[]> {
    this.#product(productId);
    return (await this.#options.store.latestQualityRuns(productId)).map(reportFromRun);
  }

  /** A deployed product's check runs, newest first (of one port, or one port version by key). */
  async history(
    productId: string,
    options: { readonly port?: string; readonly limit: number },
  ): Promise<PortQualityReport[]> {
    this.#product(productId);
    const pinned = options.port === undefined ? undefined : splitPinnedName(options.port);
    const runs = await this.#options.store.listQualityRuns({
      productId,
      limit: options.limit,
      ...(pinned === undefined ? {} : { port: pinned.name }),
      ...(pinned?.major === undefined ? {} : { major: pinned.major }),
    });
    return runs.map(reportFromRun);
  }
}

/**
 * The port versions `selector` names: all when absent; the version whose key it is
 * (`orders@v2`); else every version of the port it names. NOT_FOUND when none.
 */
export function selectPorts(product: RuntimeProduct, selector: string | undefined): RuntimeOutputPort[] {
  if (selector === undefined) return [...product.outputs];
  const byKey = product.outputs.filter((o) => o.name === selector);
  if (byKey.length > 0) return byKey;
  const pinned = splitPinnedName(selector);
  const found = product.outputs.filter(
    (o) => o.portName === pinned.name && (pinned.major === undefined || o.major === pinned.major),
  );
  if (found.length > 0) return found;
  const names = [...new Set(product.outputs.map((o) => o.portName))].join(', ') || 'none';
  throw new MeshplaneError(
    'NOT_FOUND',
    `product '${product.id}' has no output port '${selector}' (its output ports: ${names})`,
  );
}
