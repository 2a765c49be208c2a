import { describe, expect, it } from 'vitest';
import { advanceCheckpoint, parseCheckpoint } from './nats-checkpoint.js';

describe('parseCheckpoint', () => {
  it('reads a stored stream sequence, 0 when none', () => {
    expect(parseCheckpoint(undefined, 'p')).toBe(0);
    expect(parseCheckpoint('0', 'p')).toBe(0);
    expect(parseCheckpoint('1042', 'p')).toBe(1042);
  });

  it.each(['', '-1', '1.5', '0/16B3748', 'abc', '99999999999999999999'])('refuses %j', (stored) => {
    expect(() => parseCheckpoint(stored, 'orders')).toThrow(
      expect.objectContaining({
        code: 'PRECONDITION_FAILED',
        message: expect.stringMatching(/^input port orders:/),
      }),
    );
  });
});

describe('advanceCheckpoint', () => {
  it('moves to the end of a contiguous batch, whatever its order', () => {
    expect(advanceCheckpoint(0, [1, 2, 3])).toBe(3);
    expect(advanceCheckpoint(10, [13, 11, 12])).toBe(13);
  });

  it('stops before a gap: a sequence not yet stored (due for redelivery, or deleted)', () => {
    expect(advanceCheckpoint(0, [2, 3, 4])).toBe(0);
    expect(advanceCheckpoint(10, [11, 12, 14, 15])).toBe(12);
  });

  it('never goes back for redelivered messages at or below it', () => {
    expect(advanceCheckpoint(20, [5, 6, 21])).toBe(21);
    expect(advanceCheckpoint(20, [5, 6])).toBe(20);
    expect(advanceCheckpoint(7, [])).toBe(7);
  });
});
