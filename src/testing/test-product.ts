/**
 * `meshplane test`: a product's transforms run on its sample input in a scratch DuckDB, the result
 * compared with its expected rows, and its output contracts' quality rules run on it. No server.
 *
 * How: the product is resolved from its workspace as the runtime resolves it (`loadMesh`), every
 * input port is turned into a files port on a copy of its sample (sample-product.ts explains why
 * that validates rows exactly as the real port does), and a `MeshRuntime` opened on a scratch
 * folder under the OS temp folder runs it with the runtime's own code: provisioning from the
 * contracts, ingestion with quarantine, transforms in dependency order in their refresh mode.
 * Nothing is written in the workspace; the scratch folder is removed afterwards, also on failure.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_DUCKDB_CONFIG, type DuckDBConfig } from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { loadMesh, MeshRuntime, type RunRecorder, type RuntimeProduct } from '../runtime/index.js';
import { inputResults } from './input-results.js';
import { outputResults } from './output-results.js';
import { qualityResults } from './quality-results.js';
import { findSampleInputs, type SampleInput } from './sample-inputs.js';
import { type PlacedSample, sampleProduct, type UpstreamLookup } from './sample-product.js';
import { withScratchFolder } from './scratch-folder.js';
import { DEFAULT_TEST_LIMITS, type TestLimits, type TestProgress } from './test-context.js';
import { type ProductTestReport, testPassed } from './test-report.js';

export interface TestProductOptions {
  /** The product folder, absolute. */
  readonly productDir: string;
  /** The workspace around it (the folder of its mesh.yaml); undefined: the product folder alone. */
  readonly workspaceRoot?: string | undefined;
  /** How a path is shown to the user (default: as is). */
  readonly display?: (absolute: string) => string;
  readonly onProgress?: (progress: TestProgress) => void;
  readonly signal?: AbortSignal;
  readonly limits?: Partial<TestLimits>;
  /** Where the scratch folder is made (default: the OS temp folder). */
  readonly tempDir?: string;
  readonly duckdb?: Partial<DuckDBConfig>;
}

/** The resolved product whose folder is `dir`; INVALID_INPUT naming what kept it from loading. */
function productIn(
  dir: string,
  products: readonly RuntimeProduct[],
  problems: readonly string[],
  shown: string,
): RuntimeProduct {
  const here = products.filter((p) => p.dir === dir);
  const [product] = here;
  if (product !== undefined && here.length === 1) return product;
  if (here.length > 1) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${shown} holds ${here.length} data products (${here.map((p) => p.id).join(', ')}); give each its own folder to test it`,
    );
  }
  const why = problems.length === 0 ? '' : `\n${problems.map((p) => `  ${p}`).join('\n')}`;
  throw new MeshplaneError('INVALID_INPUT', `${shown}: no data product that can run here${why}`);
}

function upstreamOf(products: readonly RuntimeProduct[]): UpstreamLookup {
  return (input) =>
    products.find((p) => p.id === input.productId)?.outputs.find((o) => o.name === input.port);
}

/** Copies each sample to `<scratch>/samples/<n>.<ext>`: a path no glob character of the user's can mislead. */
async function placeSamples(scratch: string, samples: readonly SampleInput[]): Promise<PlacedSample[]> {
  const dir = path.join(scratch, 'samples');
  await mkdir(dir, { recursive: true });
  return Promise.all(
    samples.map(async (sample, i) => {
      const file = path.join(dir, `${i}.${sample.format}`);
      await copyFile(sample.file, file);
      return { port: sample.port, file, format: sample.format };
    }),
  );
}

/** Reports each ingest and transform as it starts. */
function progressRecorder(onProgress: ((p: TestProgress) => void) | undefined): RunRecorder {
  let runs = 0;
  return {
    start: (run) => {
      onProgress?.({ step: run.kind, port: run.port });
      runs++;
      return String(runs);
    },
    finish: () => undefined,
  };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new MeshplaneError('ENGINE_ERROR', 'the test was cancelled', { details: { cancelled: true } });
  }
}

/** Tests the product in `options.productDir`; see the file comment. */
export async function testProduct(options: TestProductOptions): Promise<ProductTestReport> {
  const display = options.display ?? ((p: string) => p);
  const limits = { ...DEFAULT_TEST_LIMITS, ...options.limits };
  const productDir = path.resolve(options.productDir);
  options.onProgress?.({ step: 'load' });
  const mesh = await loadMesh(options.workspaceRoot ?? productDir);
  const product = productIn(productDir, mesh.products, mesh.problems, display(productDir));
  const samples = await findSampleInputs(
    product.dir,
    product.inputs.map((i) => i.name),
    display,
  );
  return withScratchFolder(options.tempDir ?? tmpdir(), async (scratch) => {
    const tested = sampleProduct(product, await placeSamples(scratch, samples), upstreamOf(mesh.products));
    const runtime = await MeshRuntime.open({
      workspace: scratch,
      settleMs: 0,
      recorder: progressRecorder(options.onProgress),
      duckdb: { ...DEFAULT_DUCKDB_CONFIG, tempDirectory: path.join(scratch, 'spill'), ...options.duckdb },
    });
    try {
      const run = await runtime.runProduct(tested, {
        trigger: 'test',
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      throwIfCancelled(options.signal);
      const context = { runtime, product: tested, run, limits, display, onProgress: options.onProgress };
      const inputs = await inputResults(context, product, samples);
      const outputs = await outputResults(context);
      throwIfCancelled(options.signal);
      const quality = await qualityResults(context, outputs, options.signal);
      const report = { productId: product.id, dir: display(productDir), inputs, outputs, quality };
      return { ...report, passed: testPassed(report) };
    } finally {
      await runtime.close();
    }
  });
}
