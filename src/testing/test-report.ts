/**
 * What `meshplane test` found, step by step, and whether it passed. The JSON shape is public
 * (docs/cli.md). Pure.
 */
import type { CheckReport } from '../quality/checks/index.js';
import {
  boundResults,
  boundSamples,
  countResults,
  isBlockingResult,
  type PortQualityReport,
  type ProductQualityCheck,
  qualityState,
} from '../quality/runs/index.js';
import type { RuntimeInputPort, RuntimeOutputPort } from '../runtime/index.js';
import type { InvalidCell } from './canonical-rows.js';
import type { RowComparison } from './compare-rows.js';

/** A sample row the input contract refused. */
export interface RejectedSampleRow {
  /** 1-based record number in the sample file (data rows; the header is not counted). */
  readonly row: number;
  /** Every failed check, `column: what is wrong`, joined by `; `. */
  readonly reason: string;
  /** The record as read. */
  readonly record: unknown;
}

export interface InputTestResult {
  readonly port: string;
  /** The port's kind in the product (files, http-push, nats, product, ...). */
  readonly kind: RuntimeInputPort['kind'];
  /** The sample file, as shown to the user. */
  readonly sample: string;
  /** `passed` when every row was accepted. */
  readonly status: 'passed' | 'failed';
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  /** The first rejected rows, by row number. */
  readonly rejected: readonly RejectedSampleRow[];
  /** Why the file could not be read at all, or the step failed. */
  readonly error?: string;
}

/** The comparison with `tests/expected/<port>.csv`. */
export type ExpectedResult =
  | { readonly status: 'absent'; readonly file: string }
  /** Not compared: the transform did not run, or the file could not be read. */
  | { readonly status: 'not_run'; readonly file: string; readonly reason: string }
  | { readonly status: 'equal'; readonly file: string; readonly rows: number }
  | {
      readonly status: 'different';
      readonly file: string;
      readonly missingColumns: readonly string[];
      readonly extraColumns: readonly string[];
      /** Expected cells that are not values of their column's type (the first few). */
      readonly invalidCells: readonly InvalidCell[];
      readonly rows: RowComparison;
    };

export interface OutputTestResult {
  /** The port version's key (`orders`, `orders@v2`). */
  readonly port: string;
  /**
   * `succeeded`/`failed`/`skipped` as the transform step ended; `view` for a version served as a
   * view over another; `not_built` when the contract names no transform.
   */
  readonly status: 'succeeded' | 'failed' | 'skipped' | 'view' | 'not_built';
  /** Rows in the port's table after the run. */
  readonly rows: number;
  readonly error?: string;
  readonly expected: ExpectedResult;
}

export interface ProductTestReport {
  readonly productId: string;
  /** The product folder, as shown to the user. */
  readonly dir: string;
  readonly passed: boolean;
  readonly inputs: readonly InputTestResult[];
  readonly outputs: readonly OutputTestResult[];
  /** The output contracts' quality rules on the result, as `meshplane check` reports them. */
  readonly quality: ProductQualityCheck;
}

/**
 * A check of one port version on sample data, shaped as the quality history's report so that
 * `meshplane check`'s rendering applies. Not stored: its `id` is empty.
 */
export function sampleQualityReport(
  productId: string,
  port: Pick<RuntimeOutputPort, 'name' | 'portName' | 'major' | 'version'>,
  outcome: { readonly report: CheckReport } | { readonly error: string },
  startedAt: Date,
  finishedAt: Date,
): PortQualityReport {
  const results = 'report' in outcome ? boundResults(outcome.report.results) : [];
  return {
    id: '',
    productId,
    port: port.portName,
    major: port.major,
    version: port.version,
    key: port.name,
    trigger: 'test',
    state: 'report' in outcome ? qualityState(results) : 'error',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    counts: countResults(results),
    results,
    samples: 'report' in outcome ? boundSamples(outcome.report.samples) : [],
    ...('error' in outcome ? { error: outcome.error } : {}),
  };
}

/** Whether the quality rules block: a blocking rule failed or errored, or a port's checks could not run. */
export function qualityBlocks(check: ProductQualityCheck): boolean {
  return check.reports.some((r) => r.state === 'error' || r.results.some(isBlockingResult));
}

/**
 * Passed: every sample row accepted, every transform ran, every expected file matched, and no
 * quality rule of a blocking severity failed.
 */
export function testPassed(report: Omit<ProductTestReport, 'passed'>): boolean {
  return (
    report.inputs.every((i) => i.status === 'passed') &&
    report.outputs.every(
      (o) =>
        (o.status === 'succeeded' || o.status === 'view' || o.status === 'not_built') &&
        (o.expected.status === 'equal' || o.expected.status === 'absent'),
    ) &&
    !qualityBlocks(report.quality)
  );
}
