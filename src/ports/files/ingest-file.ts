import type { DuckDBSession } from '../../engines/duckdb/index.js';
import { insertLedgerRow, type LedgerRow, type LedgerStatus, nextLedgerId } from './file-ledger.js';
import type { FilePortSpec } from './file-port-spec.js';
import type { CandidateFile } from './find-files.js';
import { deleteVersionSql, insertAcceptedSql, insertQuarantinedSql } from './ingest-statements.js';
import { dropStage, stageFile } from './stage-file.js';

/** What happened to one file version. */
export interface FileIngestResult {
  readonly path: string;
  readonly status: LedgerStatus;
  readonly rowsAccepted: number;
  readonly rowsQuarantined: number;
  /** Why the file could not be read at all (status `failed`). */
  readonly error?: string;
  readonly fileId: number;
}

export interface FileVersion extends CandidateFile {
  /** Computed while DuckDB reads the file (both read it once; the hash is needed only for the ledger). */
  readonly contentHash: Promise<string>;
  /** The ledger id of the version whose rows this one replaces. */
  readonly replaces: number | undefined;
}

/** Records a version without storing rows (failed or unchanged), in a transaction of its own. */
export async function recordVersion(
  session: DuckDBSession,
  alias: string,
  spec: FilePortSpec,
  file: FileVersion,
  outcome: { readonly status: LedgerStatus; readonly error?: string; readonly atUs: number },
): Promise<FileIngestResult> {
  const hash = await file.contentHash;
  return session.transaction(async (tx) => {
    const row: LedgerRow = {
      ...ledgerFields(spec, file, hash, await nextLedgerId(tx, alias), outcome.atUs),
      status: outcome.status,
      error: outcome.error,
    };
    await insertLedgerRow(tx, alias, row);
    return {
      path: file.path,
      status: outcome.status,
      rowsAccepted: 0,
      rowsQuarantined: 0,
      fileId: row.id,
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
    };
  });
}

function ledgerFields(spec: FilePortSpec, file: FileVersion, contentHash: string, id: number, atUs: number) {
  return {
    id,
    port: spec.port,
    path: file.path,
    size: file.size,
    mtimeUs: file.mtimeUs,
    contentHash,
    rowsAccepted: 0,
    rowsQuarantined: 0,
    ingestedAtUs: atUs,
  };
}

/**
 * Ingests one file version exactly once: its accepted rows, its quarantined rows, the removal of
 * the version it replaces and its ledger row are written in ONE transaction, so a crash leaves
 * either all of it or none. A file that cannot be parsed, or lacks a required column, stores
 * nothing and is recorded as `failed` with the reason.
 */
export async function ingestFile(
  session: DuckDBSession,
  alias: string,
  spec: FilePortSpec,
  file: FileVersion,
  options: { readonly signal?: AbortSignal; readonly now: () => number },
): Promise<FileIngestResult> {
  const statement = options.signal === undefined ? {} : { signal: options.signal };
  try {
    const staged = await stageFile(session, alias, spec, file.path, options.signal);
    const atUs = options.now() * 1000;
    if ('problem' in staged) {
      return await recordVersion(session, alias, spec, file, {
        status: 'failed',
        error: staged.problem,
        atUs,
      });
    }
    const { target } = staged;
    const hash = await file.contentHash;
    return await session.transaction(async (tx) => {
      const id = await nextLedgerId(tx, alias);
      if (file.replaces !== undefined) {
        for (const sql of deleteVersionSql(target, file.replaces)) await tx.run(sql, statement);
      }
      const rowsAccepted = await tx.run(insertAcceptedSql(target, id), statement);
      // A clean file (the common case) needs no second pass over the stage.
      const rowsQuarantined =
        rowsAccepted < staged.rows
          ? await tx.run(insertQuarantinedSql(target, id, file.path, atUs), statement)
          : 0;
      const row = {
        ...ledgerFields(spec, file, hash, id, atUs),
        status: 'ingested' as const,
        error: undefined,
        rowsAccepted,
        rowsQuarantined,
      };
      await insertLedgerRow(tx, alias, row);
      return { path: file.path, status: 'ingested' as const, rowsAccepted, rowsQuarantined, fileId: id };
    }, statement);
  } finally {
    await dropStage(session);
  }
}
