import { access } from 'node:fs/promises';
import type { DuckDBDriver, DuckDBSession } from '../../engines/duckdb/index.js';
import { MeshplaneError } from '../../errors/index.js';
import { checkPatterns } from './check-patterns.js';
import { contentHash } from './content-hash.js';
import { decideAfterHash, needsHash } from './file-decision.js';
import { type LedgerState, readLedger } from './file-ledger.js';
import type { FilePortSpec } from './file-port-spec.js';
import { type CandidateFile, findFiles } from './find-files.js';
import { type FileIngestResult, ingestFile, recordVersion } from './ingest-file.js';

/** Reported after each file version is handled. */
export interface IngestProgress {
  readonly port: string;
  /** 1-based index among the new file versions of this scan. */
  readonly index: number;
  readonly total: number;
  readonly result: FileIngestResult;
}

export interface IngestFilesOptions {
  readonly signal?: AbortSignal;
  /** Files modified more recently than this are left for the next scan (default 1000 ms). */
  readonly settleMs?: number;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** The clock, in milliseconds (tests pin it). */
  readonly now?: () => number;
}

export interface PortIngestResult {
  readonly port: string;
  readonly files: readonly FileIngestResult[];
  readonly filesIngested: number;
  readonly filesFailed: number;
  readonly rowsAccepted: number;
  readonly rowsQuarantined: number;
  readonly durationMs: number;
}

/** The file's hash, started now; a failure surfaces where it is awaited, never as an unhandled rejection. */
function hashOf(file: string): Promise<string> {
  const hash = contentHash(file);
  hash.catch(() => undefined);
  return hash;
}

function summarize(port: string, files: FileIngestResult[], started: number): PortIngestResult {
  const sum = (f: (r: FileIngestResult) => number) => files.reduce((n, r) => n + f(r), 0);
  return {
    port,
    files,
    filesIngested: files.filter((f) => f.status === 'ingested').length,
    filesFailed: files.filter((f) => f.status === 'failed').length,
    rowsAccepted: sum((r) => r.rowsAccepted),
    rowsQuarantined: sum((r) => r.rowsQuarantined),
    durationMs: performance.now() - started,
  };
}

/** One new file version: recorded unchanged, or ingested; undefined when it vanished meanwhile. */
async function handleFile(
  session: DuckDBSession,
  alias: string,
  spec: FilePortSpec,
  candidate: CandidateFile,
  state: LedgerState | undefined,
  options: IngestFilesOptions & { readonly now: () => number },
): Promise<FileIngestResult | undefined> {
  const contentHash = hashOf(candidate.path);
  const file = { ...candidate, contentHash, replaces: state?.ingestedId };
  try {
    // A new path is ingested whatever its hash: hash it while DuckDB reads it.
    if (state !== undefined && decideAfterHash(await contentHash, state) === 'unchanged') {
      return await recordVersion(session, alias, spec, file, {
        status: 'unchanged',
        atUs: options.now() * 1000,
      });
    }
    return await ingestFile(session, alias, spec, file, {
      now: options.now,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (await exists(candidate.path)) throw error;
    return undefined;
  }
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * The file input port: finds the files of `spec.glob` that the ledger has not seen in this version
 * and ingests each in its own transaction (see ingestFile), in path order. Re-running ingests
 * nothing twice; a file whose content changed replaces the rows of its previous version.
 */
export async function ingestNewFiles(
  hub: DuckDBDriver,
  alias: string,
  spec: FilePortSpec,
  options: IngestFilesOptions = {},
): Promise<PortIngestResult> {
  const started = performance.now();
  const now = options.now ?? Date.now;
  return hub.withSession(async (session) => {
    await checkPatterns(session, spec.port, spec.columns);
    const ledger = await readLedger(session, alias, spec.port);
    const candidates = await findFiles(session, spec.glob, {
      settleMs: options.settleMs ?? 1000,
      now: now(),
    });
    const fresh = candidates.filter((f) => needsHash(f, ledger.get(f.path)));
    const results: FileIngestResult[] = [];
    for (const [i, candidate] of fresh.entries()) {
      if (options.signal?.aborted) {
        throw new MeshplaneError('ENGINE_ERROR', `input port ${spec.port}: cancelled`, {
          details: { cancelled: true },
        });
      }
      const result = await handleFile(session, alias, spec, candidate, ledger.get(candidate.path), {
        ...options,
        now,
      });
      if (result === undefined) continue;
      results.push(result);
      options.onProgress?.({ port: spec.port, index: i + 1, total: fresh.length, result });
    }
    return summarize(spec.port, results, started);
  });
}
