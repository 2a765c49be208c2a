/** The ingest step of a test, per input port: rows accepted, rows the input contract refused and why. */
import type { RuntimeProduct } from '../runtime/index.js';
import type { SampleInput } from './sample-inputs.js';
import type { TestContext } from './test-context.js';
import type { InputTestResult, RejectedSampleRow } from './test-report.js';

/** The most quarantined records read back per port; the first `limits.rejectedRows` of them are shown. */
const QUARANTINE_READ = 10_000;

async function rejectedRows(ctx: TestContext, port: string): Promise<RejectedSampleRow[]> {
  const records = await ctx.runtime.listQuarantine(ctx.product.id, { port, limit: QUARANTINE_READ });
  return records
    .map((r) => ({ row: r.position, reason: r.reason, record: r.record }))
    .sort((a, b) => a.row - b.row)
    .slice(0, ctx.limits.rejectedRows);
}

/**
 * One result per input port of `original` (the product as declared: its ports' own kinds), read
 * from the run's ingest steps and the scratch product's quarantine.
 */
export async function inputResults(
  ctx: TestContext,
  original: RuntimeProduct,
  samples: readonly SampleInput[],
): Promise<InputTestResult[]> {
  const results: InputTestResult[] = [];
  for (const input of original.inputs) {
    const sample = samples.find((s) => s.port === input.name);
    const shown = sample === undefined ? '' : ctx.display(sample.file);
    const base = { port: input.name, kind: input.kind, sample: shown };
    // Messages name the copy the run read; name the user's file instead.
    const placed = ctx.product.inputs.find((i) => i.name === input.name);
    const copy = placed?.kind === 'product' ? undefined : placed?.server.settings.path;
    const named = (message: string) => (typeof copy === 'string' ? message.replaceAll(copy, shown) : message);
    const step = ctx.run.ingests.find((s) => s.port === input.name);
    const file = step?.result?.files[0];
    const error =
      step === undefined
        ? 'the sample was not ingested'
        : step.status !== 'succeeded'
          ? (step.error?.message ?? `the ingest step ${step.status}`)
          : file === undefined
            ? 'the sample file was not read'
            : file.status === 'failed'
              ? `the file could not be read: ${file.error ?? 'unknown reason'}`
              : undefined;
    const accepted = file?.rowsAccepted ?? 0;
    const rejected = file?.rowsQuarantined ?? 0;
    results.push({
      ...base,
      status: error === undefined && rejected === 0 ? 'passed' : 'failed',
      rowsAccepted: accepted,
      rowsRejected: rejected,
      rejected: rejected > 0 ? await rejectedRows(ctx, input.name) : [],
      ...(error === undefined ? {} : { error: named(error) }),
    });
  }
  return results;
}
