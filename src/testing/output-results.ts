/**
 * The transform and comparison steps of a test, per output port version: how the transform ended,
 * the rows it left, and its rows against `tests/expected/<port key>.csv` when that file exists.
 */
import { stat } from 'node:fs/promises';
import { qualifiedName } from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { outputTable } from '../quality/runs/index.js';
import type { RuntimeOutputPort } from '../runtime/index.js';
import { readExpectedRows, readOutputRows } from './canonical-rows.js';
import { compareRows } from './compare-rows.js';
import { expectedFile } from './sample-inputs.js';
import type { TestContext } from './test-context.js';
import type { ExpectedResult, OutputTestResult } from './test-report.js';

/** Invalid expected cells listed per file. */
const INVALID_CELLS_SHOWN = 10;

function statusOf(ctx: TestContext, port: RuntimeOutputPort): OutputTestResult['status'] {
  if (port.viewOf !== undefined) return 'view';
  if (port.transform === undefined) return 'not_built';
  return ctx.run.transforms.find((t) => t.port === port.name)?.status ?? 'skipped';
}

async function countRows(ctx: TestContext, port: RuntimeOutputPort): Promise<number> {
  const table = qualifiedName(...outputTable(ctx.product.id, port.name));
  const [row] = await ctx.runtime.hub.query(`SELECT CAST(count(*) AS DOUBLE) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}

const exists = (file: string) =>
  stat(file).then(
    (info) => info.isFile(),
    () => false,
  );

async function compareExpected(
  ctx: TestContext,
  port: RuntimeOutputPort,
  status: OutputTestResult['status'],
): Promise<ExpectedResult> {
  const absolute = expectedFile(ctx.product.dir, port.name);
  const file = ctx.display(absolute);
  if (!(await exists(absolute))) return { status: 'absent', file };
  if (status === 'failed' || status === 'skipped') {
    return { status: 'not_run', file, reason: 'the transform did not run' };
  }
  ctx.onProgress?.({ step: 'compare', port: port.name });
  const max = ctx.limits.comparedRows;
  try {
    const expected = await readExpectedRows(ctx.runtime.hub, absolute, file, port.columns, max);
    const actual = await readOutputRows(ctx.runtime.hub, ctx.product.id, port.name, expected.columns, max);
    const names = new Set(expected.columns.map((c) => c.name));
    const key = port.primaryKey.every((k) => names.has(k)) ? port.primaryKey : [];
    const rows = compareRows(expected.columns, key, expected.rows, actual, ctx.limits.differences);
    const same =
      rows.equal &&
      expected.missingColumns.length === 0 &&
      expected.extraColumns.length === 0 &&
      expected.invalid.length === 0;
    if (same) return { status: 'equal', file, rows: expected.rows.length };
    return {
      status: 'different',
      file,
      missingColumns: expected.missingColumns,
      extraColumns: expected.extraColumns,
      invalidCells: expected.invalid.slice(0, INVALID_CELLS_SHOWN),
      rows,
    };
  } catch (error) {
    // An expected file that cannot be read (or is too large) fails its comparison, not the test run.
    if (!(error instanceof MeshplaneError) || error.code !== 'INVALID_INPUT') throw error;
    return { status: 'not_run', file, reason: error.message };
  }
}

/** One result per output port version of the product, in the product's order. */
export async function outputResults(ctx: TestContext): Promise<OutputTestResult[]> {
  const results: OutputTestResult[] = [];
  for (const port of ctx.product.outputs) {
    const status = statusOf(ctx, port);
    const error = ctx.run.transforms.find((t) => t.port === port.name)?.error?.message;
    results.push({
      port: port.name,
      status,
      rows: await countRows(ctx, port),
      ...(error === undefined ? {} : { error }),
      expected: await compareExpected(ctx, port, status),
    });
  }
  return results;
}
