import { toMeshplaneError } from '../errors/index.js';
import {
  filePortSpec,
  type IngestProgress,
  ingestNewFiles,
  type PortIngestResult,
} from '../ports/files/index.js';
import { ingestSqlTable, sqlTablePortSpec } from '../ports/sql-table/index.js';
import { outputDependencies, topologicalOrder } from './output-order.js';
import { provisionProduct, type StorageContext } from './product-storage.js';
import type { RunFinish, RunKind, RunRecorder, RunStatus, RunTrigger } from './run-recorder.js';
import { runTransform, type TransformResult } from './run-transform.js';
import type { RuntimeProduct } from './runtime-product.js';

export interface RunProductOptions {
  readonly trigger: RunTrigger;
  readonly recorder: RunRecorder;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** See IngestFilesOptions.settleMs. */
  readonly settleMs?: number;
}

export interface StepOutcome<T> {
  readonly port: string;
  readonly status: RunStatus;
  readonly result?: T;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface ProductRunResult {
  readonly productId: string;
  readonly trigger: RunTrigger;
  /** True when no step failed (files that failed to parse are reported per file, not here). */
  readonly ok: boolean;
  readonly ingests: readonly StepOutcome<PortIngestResult>[];
  readonly transforms: readonly StepOutcome<TransformResult>[];
}

type Counts = Pick<RunFinish, 'rowsIn' | 'rowsOut' | 'rowsQuarantined' | 'filesIngested' | 'filesFailed'>;

/** What an ingest step reports to the recorder, for every input port kind alike. */
function ingestCounts(r: PortIngestResult): Counts {
  return {
    rowsIn: r.rowsAccepted + r.rowsQuarantined,
    rowsOut: r.rowsAccepted,
    rowsQuarantined: r.rowsQuarantined,
    filesIngested: r.filesIngested,
    filesFailed: r.filesFailed,
  };
}

/** Runs one step between recorder.start and recorder.finish; a failure becomes a failed outcome. */
async function step<T>(
  product: RuntimeProduct,
  port: string,
  kind: RunKind,
  options: RunProductOptions,
  work: () => Promise<T>,
  counts: (result: T) => Counts,
): Promise<StepOutcome<T>> {
  const startedAt = new Date();
  const id = await options.recorder.start({
    productId: product.id,
    port,
    kind,
    trigger: options.trigger,
    startedAt,
  });
  const finish = (status: RunStatus, extra: Partial<RunFinish>) =>
    options.recorder.finish(id, {
      status,
      finishedAt: new Date(),
      durationMs: Date.now() - startedAt.getTime(),
      rowsIn: 0,
      rowsOut: 0,
      ...extra,
    });
  try {
    const result = await work();
    await finish('succeeded', counts(result));
    return { port, status: 'succeeded', result };
  } catch (thrown) {
    const error = toMeshplaneError(thrown);
    const summary = { code: error.code, message: error.message };
    await finish('failed', { error: summary });
    return { port, status: 'failed', error: summary };
  }
}

/** Records a step that did not run because a step it needs failed. */
async function skipped<T>(
  product: RuntimeProduct,
  port: string,
  options: RunProductOptions,
  why: string,
): Promise<StepOutcome<T>> {
  const now = new Date();
  const id = await options.recorder.start({
    productId: product.id,
    port,
    kind: 'transform',
    trigger: options.trigger,
    startedAt: now,
  });
  const error = { code: 'PRECONDITION_FAILED', message: why };
  await options.recorder.finish(id, {
    status: 'skipped',
    finishedAt: now,
    durationMs: 0,
    rowsIn: 0,
    rowsOut: 0,
    error,
  });
  return { port, status: 'skipped', error };
}

/**
 * One run of a product: provision its storage (idempotent), ingest new files on every file input
 * port and a fresh snapshot on every sql-table input port, then run every output port's transform
 * in dependency order. An output whose transform reads a sibling that failed is skipped. Each
 * step is reported to the recorder.
 */
export async function runProduct(
  ctx: StorageContext,
  product: RuntimeProduct,
  options: RunProductOptions,
): Promise<ProductRunResult> {
  const storage = await provisionProduct(ctx, product);
  const ingests: StepOutcome<PortIngestResult>[] = [];
  for (const input of product.inputs) {
    if (input.kind === 'sql-table') {
      // A snapshot of a source table replaces the port's rows; on failure the previous one stays.
      const work = () =>
        ingestSqlTable(ctx.hub, storage.alias, sqlTablePortSpec(input), {
          ...(options.signal ? { signal: options.signal } : {}),
        });
      ingests.push(await step(product, input.name, 'ingest', options, work, ingestCounts));
      continue;
    }
    if (input.kind !== 'files') continue;
    const ingestOptions = {
      settleMs: options.settleMs ?? 1000,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    ingests.push(
      await step(
        product,
        input.name,
        'ingest',
        options,
        () => ingestNewFiles(ctx.hub, storage.alias, filePortSpec(input, product.dir), ingestOptions),
        ingestCounts,
      ),
    );
  }
  const deps = await ctx.hub.withSession((session) => outputDependencies(session, product));
  const order = topologicalOrder(
    product.outputs.map((o) => o.name),
    deps,
  );
  const transforms: StepOutcome<TransformResult>[] = [];
  for (const name of order) {
    const port = product.outputs.find((o) => o.name === name);
    if (port === undefined || port.transform === undefined) continue;
    const failed = [...(deps.get(name) ?? [])].find((d) =>
      transforms.some((t) => t.port === d && t.status !== 'succeeded'),
    );
    transforms.push(
      failed !== undefined
        ? await skipped(product, name, options, `it reads ${failed}, which did not run`)
        : await step(
            product,
            name,
            'transform',
            options,
            () => runTransform(ctx, product, port, options.signal ? { signal: options.signal } : {}),
            (r) => ({ rowsIn: r.rowsIn, rowsOut: r.rowsOut }),
          ),
    );
  }
  const ok = [...ingests, ...transforms].every((s) => s.status === 'succeeded');
  return { productId: product.id, trigger: options.trigger, ok, ingests, transforms };
}
