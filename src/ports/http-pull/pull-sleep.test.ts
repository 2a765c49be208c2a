import { describe, expect, it, vi } from 'vitest';
import { pullSleep } from './pull-sleep.js';

describe('pullSleep', () => {
  it('waits past the longest timer in steps instead of firing at once', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const sleeping = pullSleep(40 * 86_400_000, new AbortController().signal).then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(30 * 86_400_000);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(10 * 86_400_000);
      await sleeping;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends early when the signal aborts, and at once for an aborted one', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await pullSleep(60_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(1000);
    await pullSleep(60_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
