import type { Pgoutput } from 'pg-logical-replication';
import { describe, expect, it } from 'vitest';
import type { StreamBatch, StreamSink } from '../stream/stream-types.js';
import { ChangeBatcher } from './change-batcher.js';
import { parseLsn } from './lsn.js';
import type { PostgresCdcPortSpec } from './postgres-cdc-port-spec.js';

const spec = {
  port: 'items',
  schema: 'public',
  table: 'items',
  location: 'postgres://h:5432/d/public.items',
  publication: 'p',
  key: ['id'],
  batchRows: 3,
  columns: [{ name: 'id', sqlType: 'BIGINT', kind: 'integer', required: true }],
} as unknown as PostgresCdcPortSpec;

const items = { tag: 'relation', schema: 'public', name: 'items' } as Pgoutput.MessageRelation;
const other = { tag: 'relation', schema: 'public', name: 'other' } as Pgoutput.MessageRelation;

function tx(commit: string, end: string, ...ids: string[]): Pgoutput.Message[] {
  return [
    { tag: 'begin', commitLsn: commit, commitTime: 0n, xid: 1 },
    ...ids.map(
      (id) => ({ tag: 'insert', relation: id === 'x' ? other : items, new: { id } }) as Pgoutput.Message,
    ),
    { tag: 'commit', flags: 0, commitLsn: commit, commitEndLsn: end, commitTime: 0n },
  ];
}

function harness(from = '0/100', failWrites = 0) {
  const batches: StreamBatch[] = [];
  const acks: string[] = [];
  let failures = failWrites;
  const sink: StreamSink = {
    async write(batch) {
      if (failures-- > 0) throw new Error('disk full');
      batches.push(batch);
      return { accepted: batch.records.length, duplicates: 0, quarantined: 0, groups: new Map() };
    },
    stage: () => {
      throw new Error('the CDC source writes records, it does not stage them');
    },
    checkpoint: async () => undefined,
  };
  const batcher = new ChangeBatcher({
    spec,
    sink,
    from: parseLsn(from),
    acknowledge: (lsn) => acks.push(lsn.toString(16)),
  });
  const feed = async (messages: Pgoutput.Message[]) => {
    for (const m of messages) await batcher.message(m);
  };
  return { batcher, batches, acks, feed };
}

describe('ChangeBatcher', () => {
  it('writes complete transactions with the last commit end as checkpoint, then confirms it', async () => {
    const { batcher, batches, acks, feed } = harness();
    await feed(tx('0/200', '0/210', '1'));
    await feed(tx('0/300', '0/310', '2'));
    expect(batches).toEqual([]);
    expect(acks).toEqual([]);
    await batcher.flush();
    expect(batches).toEqual([
      {
        records: [
          { op: 'upsert', value: { id: '1' }, source: 'postgres:0/200#1' },
          { op: 'upsert', value: { id: '2' }, source: 'postgres:0/300#1' },
        ],
        checkpoint: '0/310',
      },
    ]);
    expect(acks).toEqual(['310']);
  });

  it('skips transactions committed before the stored checkpoint', async () => {
    const { batcher, batches, feed } = harness('0/300');
    await feed(tx('0/200', '0/210', '1'));
    await feed(tx('0/300', '0/310', '2'));
    await batcher.flush();
    expect(batches.flatMap((b) => b.records.map((r) => r.value))).toEqual([{ id: '2' }]);
  });

  it('writes a large transaction in parts without moving the checkpoint past the last complete one', async () => {
    const { batcher, batches, acks, feed } = harness();
    await feed(tx('0/200', '0/210', '1'));
    await feed(tx('0/300', '0/310', '2', '3', '4', '5').slice(0, -1));
    // The first transaction is complete in this part: its end is the checkpoint, the open one's is not.
    expect(batches.map((b) => [b.records.length, b.checkpoint])).toEqual([[3, '0/210']]);
    expect(acks).toEqual(['210']);
    await feed(tx('0/300', '0/310').slice(-1));
    await batcher.flush();
    expect(batches.map((b) => [b.records.length, b.checkpoint])).toEqual([
      [3, '0/210'],
      [2, '0/310'],
    ]);
    expect(acks).toEqual(['210', '310']);
  });

  it('confirms nothing when the write fails, and keeps the records for the next try', async () => {
    const { batcher, batches, acks, feed } = harness('0/100', 1);
    await feed(tx('0/200', '0/210', '1'));
    await expect(batcher.flush()).rejects.toThrow('disk full');
    expect(acks).toEqual([]);
    await batcher.flush();
    expect(batches).toHaveLength(1);
    expect(acks).toEqual(['210']);
  });

  it('confirms transactions of other tables and keepalives only when nothing is unstored', async () => {
    const { batcher, acks, feed } = harness();
    await feed(tx('0/200', '0/210', 'x'));
    expect(acks).toEqual(['210']);
    await feed(tx('0/300', '0/310', '1'));
    batcher.keepalive(parseLsn('0/400'));
    expect(acks).toEqual(['210']);
    await batcher.flush();
    batcher.keepalive(parseLsn('0/400'));
    expect(acks).toEqual(['210', '310', '400']);
    await feed(tx('0/500', '0/510', '2').slice(0, 1));
    batcher.keepalive(parseLsn('0/600'));
    expect(acks).toEqual(['210', '310', '400']);
  });

  it('fails on a TRUNCATE of the table', async () => {
    const { batcher } = harness();
    await batcher.message({ tag: 'begin', commitLsn: '0/200', commitTime: 0n, xid: 1 });
    await expect(
      batcher.message({ tag: 'truncate', cascade: false, restartIdentity: false, relations: [items] }),
    ).rejects.toThrow(/truncated/);
  });
});
