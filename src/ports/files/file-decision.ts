import type { LedgerState } from './file-ledger.js';
import type { CandidateFile } from './find-files.js';

/**
 * Whether a file must be read and hashed. A path whose newest ledger row has the same size and
 * modification time is this very version, already handled (ingested, failed or unchanged): skip.
 */
export function needsHash(file: CandidateFile, state: LedgerState | undefined): boolean {
  return state === undefined || state.size !== file.size || state.mtimeUs !== file.mtimeUs;
}

/**
 * What to do with a new version of a file, once hashed: `unchanged` when its content is the one
 * already handled (a touched file; recorded so the next scan skips it cheaply), else `ingest`.
 * A version that failed is retried when touched: the failure may have been a partial write.
 */
export function decideAfterHash(hash: string, state: LedgerState | undefined): 'ingest' | 'unchanged' {
  if (state === undefined || state.contentHash !== hash || state.status === 'failed') return 'ingest';
  return 'unchanged';
}
