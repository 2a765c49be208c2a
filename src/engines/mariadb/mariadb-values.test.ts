import { describe, expect, it } from 'vitest';
import { bitText, blobText } from './mariadb-values.js';

describe('mariadb values', () => {
  it('writes bytes as per-byte escapes DuckDB reads as a BLOB', () => {
    expect(blobText(Buffer.from([0x68, 0x69, 0x00, 0xff]))).toBe('\\x68\\x69\\x00\\xff');
    expect(blobText(new Uint8Array())).toBe('');
  });

  it('reads BIT values as unsigned integers, however wide', () => {
    expect(bitText(Buffer.from([0b0101]))).toBe('5');
    expect(bitText(Buffer.from([0x01, 0x00]))).toBe('256');
    expect(bitText(Buffer.alloc(8, 0xff))).toBe('18446744073709551615');
  });
});
