import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type DuckDBDriver,
  type DuckDBSession,
  quoteIdentifier,
  readFileSql,
} from '../../engines/duckdb/index.js';
import { MeshplaneError } from '../../errors/index.js';
import { checkPatterns } from '../files/check-patterns.js';
import { insertLedgerRow, nextLedgerId } from '../files/file-ledger.js';
import type { PortIngestResult } from '../files/index.js';
import {
  type IngestTarget,
  insertAcceptedSql,
  insertQuarantinedSql,
  STAGE_TABLE,
  stageSql,
} from '../files/ingest-statements.js';
import { dropStage } from '../files/stage-file.js';
import { type SnapshotFile, writeSnapshotFile } from './snapshot-file.js';
import { clearSnapshotSql } from './snapshot-statements.js';
import type { SqlTablePortSpec } from './sql-table-port-spec.js';
import { openSqlTableSource, type SqlTableSourceOptions } from './sql-table-source.js';

/** A snapshot's outcome, shaped like a file port's so the runtime reports both alike. */
export interface SqlTableIngestResult extends PortIngestResult {
  /** `postgres://host:port/db/schema.table` (never a password). */
  readonly source: string;
  readonly rowsRead: number;
  /** The ledger id of this snapshot (`_meshplane_file` of its rows, `file_id` of its quarantine). */
  readonly snapshotId: number;
}

export interface IngestSqlTableOptions extends SqlTableSourceOptions {
  /** The clock, in milliseconds (tests pin it). */
  readonly now?: () => number;
  /** Where the snapshot is spooled before DuckDB reads it (default: the OS temporary folder). */
  readonly tempDir?: string;
}

/** The error with the port in front, same code: the step's message says which port failed. */
function inPort(port: string, error: unknown): unknown {
  if (!(error instanceof MeshplaneError) || error.message.startsWith(`input port ${port}:`)) return error;
  return new MeshplaneError(error.code, `input port ${port}: ${error.message}`, {
    cause: error,
    ...(error.details === undefined ? {} : { details: { ...error.details } }),
  });
}

/** Reads the whole snapshot from the source into an NDJSON file; the source is closed after. */
async function fetchSnapshot(
  spec: SqlTablePortSpec,
  file: string,
  options: IngestSqlTableOptions,
): Promise<SnapshotFile> {
  const source = await openSqlTableSource(spec, options);
  try {
    return await writeSnapshotFile(source.snapshot(), file, spec.columns);
  } finally {
    await source.close();
  }
}

/**
 * Stages the spooled snapshot with the file port's own SQL (casts and reject reasons), then swaps
 * it in, in ONE transaction: the previous snapshot's rows and quarantine out, accepted rows into
 * `input.<port>`, rejected ones into quarantine, a ledger row for the snapshot.
 */
async function replaceSnapshot(
  session: DuckDBSession,
  alias: string,
  spec: SqlTablePortSpec,
  snapshot: SnapshotFile,
  options: { readonly signal?: AbortSignal; readonly atUs: number; readonly snapshotUs: number },
) {
  const statement = options.signal === undefined ? {} : { signal: options.signal };
  const target: IngestTarget = {
    alias,
    port: spec.port,
    columns: spec.columns,
    staged: new Map(spec.columns.map((c) => [c.name.toLowerCase(), c.name])),
  };
  const reader = readFileSql(snapshot.path, { format: 'json', newlineDelimited: true }, spec.columns);
  try {
    await session.run(stageSql(target, reader), statement);
    const [count] = await session.query(
      `SELECT CAST(count(*) AS DOUBLE) AS n FROM ${quoteIdentifier(STAGE_TABLE)}`,
    );
    const staged = Number(count?.n ?? 0);
    return await session.transaction(async (tx) => {
      const id = await nextLedgerId(tx, alias);
      for (const sql of clearSnapshotSql(alias, spec.port)) await tx.run(sql, statement);
      const rowsAccepted = await tx.run(insertAcceptedSql(target, id), statement);
      const rowsQuarantined =
        rowsAccepted < staged
          ? await tx.run(insertQuarantinedSql(target, id, spec.location, options.atUs), statement)
          : 0;
      await insertLedgerRow(tx, alias, {
        id,
        port: spec.port,
        path: spec.location,
        size: snapshot.bytes,
        mtimeUs: String(Math.trunc(options.snapshotUs)),
        contentHash: snapshot.contentHash,
        status: 'ingested',
        error: undefined,
        rowsAccepted,
        rowsQuarantined,
        ingestedAtUs: options.atUs,
      });
      return { id, staged, rowsAccepted, rowsQuarantined };
    }, statement);
  } finally {
    await dropStage(session);
  }
}

/**
 * The `sql-table` input port: reads a consistent snapshot of the source table (streamed in
 * batches to a temporary NDJSON file, so memory holds one batch) and replaces `input.<port>` with
 * it in ONE DuckDB transaction, each row validated against the input contract exactly as the file
 * port validates (rows that break it go to quarantine with the reason, `source` = the table's
 * location). A source that cannot be read fails before anything is written: the previous snapshot
 * stays. Errors name the port.
 */
export async function ingestSqlTable(
  hub: DuckDBDriver,
  alias: string,
  spec: SqlTablePortSpec,
  options: IngestSqlTableOptions = {},
): Promise<SqlTableIngestResult> {
  const started = performance.now();
  const now = options.now ?? Date.now;
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  try {
    return await hub.withSession(async (session) => {
      // A pattern DuckDB cannot compile is the contract's fault: fail before reading the source.
      await checkPatterns(session, spec.port, spec.columns);
      const dir = await mkdtemp(path.join(options.tempDir ?? tmpdir(), 'meshplane-snapshot-'));
      try {
        const snapshotUs = now() * 1000;
        const snapshot = await fetchSnapshot(spec, path.join(dir, 'snapshot.ndjson'), options);
        const done = await replaceSnapshot(session, alias, spec, snapshot, {
          ...signal,
          atUs: now() * 1000,
          snapshotUs,
        });
        return {
          port: spec.port,
          source: spec.location,
          files: [],
          filesIngested: 0,
          filesFailed: 0,
          rowsRead: done.staged,
          rowsAccepted: done.rowsAccepted,
          rowsQuarantined: done.rowsQuarantined,
          snapshotId: done.id,
          durationMs: performance.now() - started,
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  } catch (error) {
    throw inPort(spec.port, error);
  }
}
