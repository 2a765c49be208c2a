/**
 * What a postgres-cdc port stores as its checkpoint: the LSN from which changes are not stored yet.
 *
 * - After the initial snapshot: the slot's consistent point. Every transaction that committed
 *   before it is in the snapshot; every later one is streamed.
 * - After streamed transactions: the end LSN of the last complete transaction's commit record.
 *
 * Either way a transaction whose commit record starts below the checkpoint is already stored and
 * is skipped when it is sent again, and the flush position confirmed to PostgreSQL is the same LSN
 * (as PostgreSQL's own subscribers confirm a commit's end LSN). While the snapshot is still being
 * written the checkpoint is `snapshot@<lsn>`: a restart then reads the table again before it
 * streams. Pure.
 */
import { MeshplaneError } from '../../errors/index.js';
import { formatLsn, parseLsn } from './lsn.js';

export interface CdcCheckpoint {
  /** Changes committed at or after this LSN are not stored yet. */
  readonly lsn: bigint;
  /** The initial snapshot was not written completely. */
  readonly snapshotPending: boolean;
}

const PENDING = 'snapshot@';

/** The checkpoint's text, as stored with a batch. */
export function formatCheckpoint(checkpoint: CdcCheckpoint): string {
  return `${checkpoint.snapshotPending ? PENDING : ''}${formatLsn(checkpoint.lsn)}`;
}

/** Reads a stored checkpoint; undefined when none was stored. INVALID_INPUT when it is not ours. */
export function parseCheckpoint(text: string | undefined): CdcCheckpoint | undefined {
  if (text === undefined) return undefined;
  const snapshotPending = text.startsWith(PENDING);
  try {
    return { lsn: parseLsn(snapshotPending ? text.slice(PENDING.length) : text), snapshotPending };
  } catch {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `the stored checkpoint ${JSON.stringify(text)} is not a postgres-cdc position (an LSN such as 0/16B3748)`,
    );
  }
}
