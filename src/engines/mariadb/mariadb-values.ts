/**
 * How values leave a MariaDB result: JSON-safe and exact. Numbers as the server prints them
 * (BIGINT, DECIMAL and DOUBLE keep every digit), dates and times as text (never a JavaScript
 * Date), JSON parsed, BIT as its integer, binary strings as per-byte `\xNN` escapes (what DuckDB's
 * BLOB reads). Used as mysql2's `typeCast` on this engine's own connections only.
 */
import type { TypeCast } from 'mysql2';

const EXACT_TEXT = new Set([
  'TINY',
  'SHORT',
  'LONG',
  'INT24',
  'LONGLONG',
  'FLOAT',
  'DOUBLE',
  'DECIMAL',
  'NEWDECIMAL',
  'YEAR',
]);

/** `\x61\x62` for the bytes 0x61 0x62. */
export function blobText(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

/** A BIT(n) value (big-endian bytes) as its unsigned integer, in decimal. */
export function bitText(bytes: Uint8Array): string {
  return bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n).toString();
}

/** The typeCast of this engine's connections (see the file comment). */
export const exactValues: TypeCast = (field, next) => {
  if (EXACT_TEXT.has(field.type)) return field.string('utf8');
  if (field.type === 'BIT') {
    const bytes = field.buffer();
    return bytes === null ? null : bitText(bytes);
  }
  const value = next();
  return Buffer.isBuffer(value) ? blobText(value) : value;
};
