import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import { formatLsn, parseLsn } from './lsn.js';

describe('LSN', () => {
  it('reads both halves and prints them back as PostgreSQL does', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(formatLsn(parseLsn('16/b374d848'))).toBe('16/B374D848');
    expect(formatLsn(0n)).toBe('0/0');
  });

  it('orders across the 32-bit boundary', () => {
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn('1/0') - 1n).toBe(parseLsn('0/FFFFFFFF'));
  });

  it('refuses what is not an LSN', () => {
    for (const text of ['', '0', '0/', '/1', 'x/1', '1/2/3', '123456789/0']) {
      expect(() => parseLsn(text)).toThrow(MeshplaneError);
    }
    expect(() => formatLsn(-1n)).toThrow(RangeError);
  });
});
