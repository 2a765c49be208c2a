/**
 * PostgreSQL log sequence numbers (`16/B374D848`: two 32-bit halves in hex) as bigints, so they
 * compare and subtract exactly. Pure.
 */
import { MeshplaneError } from '../../errors/index.js';

const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** `16/B374D848` as a bigint; INVALID_INPUT when it is not an LSN. */
export function parseLsn(text: string): bigint {
  const match = LSN.exec(text);
  if (match === null)
    throw new MeshplaneError('INVALID_INPUT', `${JSON.stringify(text)} is not a PostgreSQL LSN`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** A bigint as PostgreSQL prints an LSN (`16/B374D848`). */
export function formatLsn(value: bigint): string {
  if (value < 0n || value > 0xffff_ffff_ffff_ffffn)
    throw new RangeError('an LSN is an unsigned 64-bit number');
  return `${(value >> 32n).toString(16).toUpperCase()}/${(value & 0xffff_ffffn).toString(16).toUpperCase()}`;
}
