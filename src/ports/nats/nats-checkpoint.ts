/**
 * The nats port's checkpoint: a stream sequence S such that every message of the stream up to S is
 * stored (accepted, quarantined or a duplicate). It is a low-water mark, not "the last sequence
 * written": after a crash, messages delivered to the dead process are redelivered only when their
 * ack wait expires, possibly after later messages were written, so the last sequence written can
 * be ahead of messages not yet stored. Skipping everything at or below the checkpoint is therefore
 * safe. Pure.
 */
import { MeshplaneError } from '../../errors/index.js';

/** The stored checkpoint as a sequence (0 when none). */
export function parseCheckpoint(stored: string | undefined, port: string): number {
  if (stored === undefined) return 0;
  const seq = Number(stored);
  if (!/^\d+$/.test(stored) || !Number.isSafeInteger(seq)) {
    throw new MeshplaneError(
      'PRECONDITION_FAILED',
      `input port ${port}: the stored checkpoint ${JSON.stringify(stored)} is not a stream sequence`,
    );
  }
  return seq;
}

/**
 * The checkpoint after a batch: the stream's sequences are contiguous (the consumer reads the whole
 * stream), so the batch extends `floor` as far as it holds `floor + 1, floor + 2, ...`. A gap
 * (a deleted message, a message still due for redelivery) stops it there; the server's ack floor
 * moves it on later.
 */
export function advanceCheckpoint(floor: number, sequences: readonly number[]): number {
  const held = new Set(sequences);
  let next = floor;
  while (held.has(next + 1)) next += 1;
  return next;
}
