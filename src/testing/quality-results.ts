/**
 * The quality step of a test: each output contract's rules on the port's table, with the
 * platform's own checks (`checkOutputPort`), reported as `meshplane check` reports them.
 */
import { MeshplaneError, toMeshplaneError } from '../errors/index.js';
import type { CheckReport } from '../quality/checks/index.js';
import {
  checkOutputPort,
  hasQualityRules,
  type PortQualityReport,
  type ProductQualityCheck,
  type UncheckedPort,
} from '../quality/runs/index.js';
import type { TestContext } from './test-context.js';
import { type OutputTestResult, sampleQualityReport } from './test-report.js';

const isCancelled = (error: unknown) => error instanceof MeshplaneError && error.details?.cancelled === true;

/**
 * Checks every port version whose table the run built (a port whose transform failed or was
 * skipped already fails the test, and an empty table would only add noise).
 */
export async function qualityResults(
  ctx: TestContext,
  outputs: readonly OutputTestResult[],
  signal?: AbortSignal,
): Promise<ProductQualityCheck> {
  const reports: PortQualityReport[] = [];
  const withoutRules: UncheckedPort[] = [];
  for (const port of ctx.product.outputs) {
    const status = outputs.find((o) => o.port === port.name)?.status;
    if (status === 'failed' || status === 'skipped') continue;
    if (!hasQualityRules(port.schema)) {
      withoutRules.push({ port: port.portName, major: port.major, version: port.version, key: port.name });
      continue;
    }
    ctx.onProgress?.({ step: 'quality', port: port.name });
    const startedAt = new Date();
    let outcome: { report: CheckReport } | { error: string };
    try {
      outcome = {
        report: await checkOutputPort(
          ctx.runtime.hub,
          ctx.product.id,
          port,
          signal === undefined ? {} : { signal },
        ),
      };
    } catch (error) {
      if (isCancelled(error)) throw error;
      outcome = { error: toMeshplaneError(error).message };
    }
    reports.push(sampleQualityReport(ctx.product.id, port, outcome, startedAt, new Date()));
  }
  return { productId: ctx.product.id, reports, withoutRules };
}
