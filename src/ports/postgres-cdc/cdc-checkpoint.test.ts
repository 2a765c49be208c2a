import { describe, expect, it } from 'vitest';
import { formatCheckpoint, parseCheckpoint } from './cdc-checkpoint.js';

describe('CDC checkpoint', () => {
  it('round-trips a complete and a pending snapshot position', () => {
    expect(formatCheckpoint({ lsn: 0x16b3748n, snapshotPending: false })).toBe('0/16B3748');
    expect(formatCheckpoint({ lsn: 0x16b3748n, snapshotPending: true })).toBe('snapshot@0/16B3748');
    expect(parseCheckpoint('snapshot@0/16B3748')).toEqual({ lsn: 0x16b3748n, snapshotPending: true });
    expect(parseCheckpoint('1/0')).toEqual({ lsn: 1n << 32n, snapshotPending: false });
  });

  it('has none before the first batch and refuses another port kind’s checkpoint', () => {
    expect(parseCheckpoint(undefined)).toBeUndefined();
    expect(() => parseCheckpoint('orders.created#1042')).toThrow(/not a postgres-cdc position/);
  });
});
