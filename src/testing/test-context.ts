/** What the steps of a test share: the scratch runtime, the product as run, the run's outcome, bounds. */
import type { MeshRuntime, ProductRunResult, RuntimeProduct } from '../runtime/index.js';

/** Bounds of what a test reads and shows. */
export interface TestLimits {
  /** Differences listed per expected file (default 10). */
  readonly differences: number;
  /** Rejected sample rows listed per input port (default 10). */
  readonly rejectedRows: number;
  /** Rows read of an expected file or an output table for the comparison (default 100,000). */
  readonly comparedRows: number;
}

export const DEFAULT_TEST_LIMITS: TestLimits = Object.freeze({
  differences: 10,
  rejectedRows: 10,
  comparedRows: 100_000,
});

/** A step starting, for progress output. */
export interface TestProgress {
  readonly step: 'load' | 'ingest' | 'transform' | 'compare' | 'quality';
  readonly port?: string;
}

export interface TestContext {
  readonly runtime: MeshRuntime;
  /** The product as the test runs it (every input a files port on its sample). */
  readonly product: RuntimeProduct;
  readonly run: ProductRunResult;
  readonly limits: TestLimits;
  readonly display: (absolute: string) => string;
  readonly onProgress?: ((progress: TestProgress) => void) | undefined;
}
