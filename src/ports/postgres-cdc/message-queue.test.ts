import { describe, expect, it } from 'vitest';
import { MessageQueue } from './message-queue.js';

const never = new AbortController().signal;

describe('MessageQueue', () => {
  it('hands items out in arrival order, keepalives among data', async () => {
    const queue = new MessageQueue(10, () => undefined);
    queue.push({ kind: 'data', message: 1 });
    queue.push({ kind: 'keepalive', lsn: '0/10' });
    queue.push({ kind: 'data', message: 2 });
    expect(await queue.next(10, never)).toEqual({ kind: 'data', message: 1 });
    expect(await queue.next(10, never)).toEqual({ kind: 'keepalive', lsn: '0/10' });
    expect(await queue.next(10, never)).toEqual({ kind: 'data', message: 2 });
    expect(await queue.next(10, never)).toBeUndefined();
  });

  it('pauses the socket at the high-water mark and resumes at half of it', async () => {
    const calls: boolean[] = [];
    const queue = new MessageQueue(4, (paused) => calls.push(paused));
    for (let i = 0; i < 5; i++) queue.push({ kind: 'data', message: i });
    expect(calls).toEqual([true]);
    await queue.next(10, never);
    await queue.next(10, never);
    expect(calls).toEqual([true]);
    await queue.next(10, never);
    expect(calls).toEqual([true, false]);
  });

  it('wakes a waiting consumer, and fails only after the items before the failure', async () => {
    const queue = new MessageQueue(10, () => undefined);
    const waiting = queue.next(5_000, never);
    queue.push({ kind: 'data', message: 'late' });
    expect(await waiting).toEqual({ kind: 'data', message: 'late' });
    queue.push({ kind: 'data', message: 'last' });
    queue.fail(new Error('connection lost'));
    expect(await queue.next(10, never)).toEqual({ kind: 'data', message: 'last' });
    await expect(queue.next(10, never)).rejects.toThrow('connection lost');
  });

  it('returns nothing at once when the signal aborts', async () => {
    const queue = new MessageQueue(10, () => undefined);
    const controller = new AbortController();
    const waiting = queue.next(60_000, controller.signal);
    controller.abort();
    expect(await waiting).toBeUndefined();
  });
});
