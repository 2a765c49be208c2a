import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type DuckDBSession,
  errorSummary,
  type SqlPosition,
  sqlErrorPosition,
} from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { changeCapture } from '../ports/events-out/capture-changes.js';
import { advanceAppendMarksSql, readAppendMarks } from './append-marks.js';
import type { StorageContext } from './product-storage.js';
import type { RefreshMode, RuntimeOutputPort, RuntimeProduct } from './runtime-product.js';
import { OUTPUT_SCHEMA, productAlias } from './storage-layout.js';
import { bindTransformInputs, countRows } from './transform-inputs.js';
import { duplicateKeySql, RESULT_TABLE, resultTableSql, writeResultSql } from './transform-sql.js';

export interface TransformResult {
  readonly productId: string;
  readonly port: string;
  readonly mode: RefreshMode;
  /** Rows of the input ports when the transform ran. */
  readonly rowsIn: number;
  /** Rows the transform wrote (inserted or replaced). */
  readonly rowsOut: number;
  /** Changes logged to `_meshplane.changes` for the port's event consumers (0 when events are off). */
  readonly changes: number;
  readonly durationMs: number;
}

function engineMessage(error: unknown): string {
  return errorSummary(error instanceof Error ? error.message : String(error)).replace(/^duckdb: /, '');
}

/** The transform's SQL failed: name the product, port, file and position in that file. */
function transformError(product: RuntimeProduct, port: RuntimeOutputPort, error: unknown): MeshplaneError {
  if (error instanceof MeshplaneError && error.details?.cancelled === true) return error;
  const found =
    error instanceof MeshplaneError
      ? (error.details?.position as SqlPosition | undefined)
      : sqlErrorPosition(error instanceof Error ? error.message : '');
  // The transform starts on line 2 of the statement (RESULT_PREFIX); line 1 is ours.
  const position = found === undefined || found.line < 2 ? undefined : { ...found, line: found.line - 1 };
  const file = port.transformName ?? path.relative(product.dir, port.transform ?? '');
  const where =
    position === undefined
      ? ''
      : ` at line ${position.line}${position.column === undefined ? '' : `, column ${position.column}`}`;
  return new MeshplaneError(
    'ENGINE_ERROR',
    `${product.id}/${port.name}: transform ${file} failed${where}: ${engineMessage(error)}`,
    { cause: error, details: { productId: product.id, port: port.name, file, ...position } },
  );
}

function writeError(
  product: RuntimeProduct,
  port: RuntimeOutputPort,
  message: string,
  cause?: unknown,
): MeshplaneError {
  return new MeshplaneError(
    'ENGINE_ERROR',
    `${product.id}/${port.name}: cannot write the result to the output table: ${message}`,
    {
      ...(cause === undefined ? {} : { cause }),
      details: { productId: product.id, port: port.name },
    },
  );
}

async function writeResult(
  session: DuckDBSession,
  product: RuntimeProduct,
  port: RuntimeOutputPort,
  runId: string,
  signal?: AbortSignal,
): Promise<{ written: number; changes: number }> {
  const options = signal === undefined ? {} : { signal };
  if (port.refresh === 'merge') {
    const [duplicate] = await session.query(duplicateKeySql(port.primaryKey), options);
    if (duplicate !== undefined) {
      const key = port.primaryKey.map((k) => `${k}=${JSON.stringify(duplicate[k])}`).join(', ');
      throw writeError(product, port, `the result holds ${duplicate.n} rows with the primary key ${key}`);
    }
  }
  const alias = productAlias(product.id);
  const capture = changeCapture(product.id, port, { alias, result: RESULT_TABLE, runId });
  let written = 0;
  let changes = 0;
  try {
    await capture?.before(session, signal);
    for (const sql of writeResultSql([alias, OUTPUT_SCHEMA, port.name], port.refresh)) {
      written = await session.run(sql, options);
    }
    changes = (await capture?.record(session, signal)) ?? 0;
  } catch (error) {
    if (error instanceof MeshplaneError && error.details?.cancelled === true) throw error;
    throw writeError(product, port, engineMessage(error), error);
  }
  return { written, changes };
}

/**
 * Runs an output port's SQL transform and writes its result by the port's refresh mode (`full`
 * replaces the contents, `append` inserts the result over the input that came since its last run,
 * `merge` upserts by primary key), all in ONE transaction:
 * a failing SELECT or write leaves the previous contents untouched. The product must be provisioned.
 * The same transaction appends what the write changed to `_meshplane.changes`, tagged with
 * `runId` (a fresh id when not given), for the port's event consumers (src/ports/events-out/).
 */
export async function runTransform(
  ctx: StorageContext,
  product: RuntimeProduct,
  port: RuntimeOutputPort,
  options: { readonly signal?: AbortSignal; readonly runId?: string } = {},
): Promise<TransformResult> {
  const started = performance.now();
  if (port.transform === undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${product.id}/${port.name}: the contract sets no meshplane.transform`,
    );
  }
  const sql = await readFile(port.transform, 'utf8').catch((error: unknown) => {
    throw new MeshplaneError('NOT_FOUND', `${product.id}/${port.name}: cannot read ${port.transform}`, {
      cause: error,
    });
  });
  const statement = options.signal === undefined ? {} : { signal: options.signal };
  const alias = productAlias(product.id);
  return ctx.hub.withSession(async (session) => {
    const append = port.refresh === 'append';
    const marks = append ? await readAppendMarks(session, alias, port) : undefined;
    const inputs = await bindTransformInputs(ctx, session, product, marks);
    return session.transaction(async (tx) => {
      const rowsIn = await countRows(tx, inputs);
      await tx.run(resultTableSql(sql), statement).catch((error: unknown) => {
        throw transformError(product, port, error);
      });
      const runId = options.runId ?? randomUUID();
      const { written, changes } = await writeResult(tx, product, port, runId, options.signal);
      if (append)
        for (const mark of advanceAppendMarksSql(alias, product, port)) await tx.run(mark, statement);
      return {
        productId: product.id,
        port: port.name,
        mode: port.refresh,
        rowsIn,
        rowsOut: written,
        changes,
        durationMs: performance.now() - started,
      };
    }, statement);
  });
}
