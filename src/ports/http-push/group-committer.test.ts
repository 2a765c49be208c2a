import { describe, expect, it } from 'vitest';
import type { StreamBatch, StreamBatchResult, StreamCounts, StreamSink } from '../stream/index.js';
import { DEFAULT_COMMITTER_LIMITS, GroupCommitter } from './group-committer.js';

/** A sink that counts each record as accepted, per group, and can be held or made to fail. */
function fakeSink() {
  const batches: StreamBatch[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  let fail: Error | undefined;
  const sink: StreamSink = {
    write: async (batch) => {
      batches.push(batch);
      if (hold) await new Promise<void>((r) => (release = r));
      if (fail !== undefined) throw fail;
      const groups = new Map<number, StreamCounts>();
      for (const r of batch.records) {
        const g = r.group ?? -1;
        const c = groups.get(g) ?? { accepted: 0, duplicates: 0, quarantined: 0 };
        groups.set(g, { ...c, accepted: c.accepted + 1 });
      }
      return { accepted: batch.records.length, duplicates: 0, quarantined: 0, groups } as StreamBatchResult;
    },
    checkpoint: async () => undefined,
  };
  return {
    sink,
    batches,
    hold: () => {
      hold = true;
    },
    release: () => {
      hold = false;
      release?.();
    },
    fail: (error: Error) => {
      fail = error;
    },
  };
}

const records = (group: number, n: number) => Array.from({ length: n }, (_, i) => ({ value: { i }, group }));

function offer(committer: GroupCommitter, n: number, bytes = n) {
  const group = committer.nextGroup();
  return committer.offer(group, records(group, n), bytes);
}

describe('GroupCommitter', () => {
  it('writes requests that arrive together in one batch and answers each with its own counts', async () => {
    const fake = fakeSink();
    const committer = new GroupCommitter(fake.sink, { ...DEFAULT_COMMITTER_LIMITS, lingerMs: 20 });
    const [a, b] = await Promise.all([offer(committer, 2), offer(committer, 3)]);
    expect(a).toEqual({ accepted: 2, duplicates: 0, quarantined: 0 });
    expect(b).toEqual({ accepted: 3, duplicates: 0, quarantined: 0 });
    expect(fake.batches.map((x) => x.records.length)).toEqual([5]);
  });

  it('refuses a request that does not fit the queue, and takes it once the queue drained', async () => {
    const fake = fakeSink();
    fake.hold();
    const committer = new GroupCommitter(fake.sink, {
      ...DEFAULT_COMMITTER_LIMITS,
      maxQueuedRecords: 5,
      maxBatchRecords: 5,
      lingerMs: 0,
    });
    const first = offer(committer, 4);
    expect(offer(committer, 2)).toBeUndefined();
    expect(committer.queued()).toEqual({ records: 4, bytes: 4 });
    const second = offer(committer, 1);
    expect(second).toBeDefined();
    fake.release();
    await Promise.all([first, second]);
    expect(committer.queued()).toEqual({ records: 0, bytes: 0 });
    await expect(offer(committer, 2)).resolves.toMatchObject({ accepted: 2 });
  });

  it('bounds queued bytes too, and refuses a request larger than a batch as invalid', () => {
    const committer = new GroupCommitter(fakeSink().sink, {
      ...DEFAULT_COMMITTER_LIMITS,
      maxQueuedBytes: 100,
      maxBatchRecords: 10,
      lingerMs: 1000,
    });
    expect(offer(committer, 1, 60)).toBeDefined();
    expect(offer(committer, 1, 60)).toBeUndefined();
    expect(() => offer(committer, 11)).toThrow(/over the limit of 10 events/);
    void committer.close();
  });

  it('splits the queue into batches of at most maxBatchRecords, never splitting a request', async () => {
    const fake = fakeSink();
    const committer = new GroupCommitter(fake.sink, {
      ...DEFAULT_COMMITTER_LIMITS,
      maxBatchRecords: 5,
      lingerMs: 20,
    });
    await Promise.all([offer(committer, 3), offer(committer, 3), offer(committer, 2)]);
    expect(fake.batches.map((x) => x.records.length)).toEqual([3, 5]);
  });

  it('rejects every request of a batch whose write fails, and close() waits for what is queued', async () => {
    const fake = fakeSink();
    fake.fail(new Error('disk full'));
    const committer = new GroupCommitter(fake.sink, { ...DEFAULT_COMMITTER_LIMITS, lingerMs: 50 });
    const a = offer(committer, 1);
    const b = offer(committer, 1);
    const closing = committer.close();
    await expect(a).rejects.toThrow('disk full');
    await expect(b).rejects.toThrow('disk full');
    await closing;
    expect(fake.batches).toHaveLength(1);
    expect(() => offer(committer, 1)).toThrow(/stopping/);
  });
});
