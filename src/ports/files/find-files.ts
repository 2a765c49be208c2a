import { stat } from 'node:fs/promises';
import { type DuckDBSession, quoteLiteral } from '../../engines/duckdb/index.js';

/** A file matched by a port's glob, with what the ledger compares. */
export interface CandidateFile {
  readonly path: string;
  readonly size: number;
  /** Modification time in microseconds since the epoch, as text (exact, for the ledger). */
  readonly mtimeUs: string;
  readonly mtimeMs: number;
}

/**
 * The files `glob` matches now (DuckDB's own glob, so `*`, `?`, `**` and `[...]` mean what they
 * mean to read_csv), sorted by path. A file modified less than `settleMs` ago may still be being
 * written: it is left for the next scan. Files that vanish between glob and stat are skipped.
 */
export async function findFiles(
  session: DuckDBSession,
  glob: string,
  options: { readonly settleMs: number; readonly now: number },
): Promise<CandidateFile[]> {
  const rows = await session.query(`SELECT file FROM glob(${quoteLiteral(glob)}) ORDER BY file`);
  const found: CandidateFile[] = [];
  for (const row of rows) {
    const file = String(row.file);
    const info = await stat(file, { bigint: true }).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    const mtimeMs = Number(info.mtimeMs);
    if (options.now - mtimeMs < options.settleMs) continue;
    found.push({ path: file, size: Number(info.size), mtimeUs: String(info.mtimeNs / 1000n), mtimeMs });
  }
  return found;
}
