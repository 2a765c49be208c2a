import { describe, expect, it } from 'vitest';
import type {
  StagedRecords,
  StreamBatch,
  StreamBatchResult,
  StreamCounts,
  StreamRecord,
  StreamSink,
} from '../stream/index.js';
import { DEFAULT_COMMITTER_LIMITS, GroupCommitter } from './group-committer.js';

/** Staged records of the fake sink: their groups, as JSON. */
const groupsOf = (chunk: StagedRecords) => JSON.parse(chunk.text) as number[];

/** A sink that counts each record as accepted, per group, and can be held or made to fail. */
function fakeSink() {
  const batches: StreamBatch[] = [];
  const staged: { records: readonly StreamRecord[]; first: number }[] = [];
  const held: (() => void)[] = [];
  let hold = false;
  let fail: Error | undefined;
  const sink: StreamSink = {
    write: async (batch) => {
      batches.push(batch);
      if (hold) await new Promise<void>((r) => held.push(r));
      if (fail !== undefined) throw fail;
      const groups = new Map<number, StreamCounts>();
      const all = (batch.staged ?? []).flatMap(groupsOf);
      for (const g of all) {
        const c = groups.get(g) ?? { accepted: 0, duplicates: 0, quarantined: 0 };
        groups.set(g, { ...c, accepted: c.accepted + 1 });
      }
      return { accepted: all.length, duplicates: 0, quarantined: 0, groups } as StreamBatchResult;
    },
    stage: (records, first) => {
      staged.push({ records, first });
      const text = JSON.stringify(records.map((r) => r.group ?? -1));
      return { first, text, keys: records.map((r) => r.key), count: records.length };
    },
    checkpoint: async () => undefined,
  };
  const sizes = () => batches.map((b) => (b.staged ?? []).reduce((n, c) => n + c.count, 0));
  return {
    sink,
    batches,
    sizes,
    staged,
    hold: () => {
      hold = true;
    },
    release: () => {
      hold = false;
      for (const r of held.splice(0)) r();
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
    expect(fake.sizes()).toEqual([5]);
    // Each request is staged as it arrives, numbered by a running count that orders the batch.
    expect(fake.staged.map((x) => [x.first, x.records.length])).toEqual([
      [0, 2],
      [2, 3],
    ]);
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
    expect(fake.sizes()).toEqual([3, 5]);
    expect(fake.batches.map((b) => (b.staged ?? []).map((c) => c.first))).toEqual([[0], [3, 6]]);
  });

  it('writes the next batch while the previous one commits, never more than maxWritesInFlight at once', async () => {
    const fake = fakeSink();
    fake.hold();
    const committer = new GroupCommitter(fake.sink, { ...DEFAULT_COMMITTER_LIMITS, lingerMs: 0 });
    const offers = [offer(committer, 1), offer(committer, 1), offer(committer, 1)];
    expect(DEFAULT_COMMITTER_LIMITS.maxWritesInFlight).toBe(2);
    expect(fake.sizes()).toEqual([1, 1]);
    fake.release();
    await Promise.all(offers);
    expect(fake.sizes()).toEqual([1, 1, 1]);
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
