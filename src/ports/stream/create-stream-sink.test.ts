import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../engines/column-spec.js';
import { createTableSql, DuckDBDriver } from '../../engines/duckdb/index.js';
import { FILE_ID_COLUMN, systemTablesSql } from '../../runtime/storage-layout.js';
import { createStreamSink } from './create-stream-sink.js';
import type { StreamPortSpec } from './stream-port-spec.js';
import { streamTablesSql } from './stream-tables.js';

const columns: ColumnSpec[] = [
  { name: 'id', sqlType: 'VARCHAR', kind: 'text', required: true },
  { name: 'qty', sqlType: 'INTEGER', kind: 'integer', required: true, minimum: 0 },
  { name: 'tags', sqlType: 'JSON', kind: 'composite', required: false },
];
const spec: StreamPortSpec = {
  port: 'orders',
  columns,
  primaryKey: ['id'],
  maxRecords: 100,
  maxBytes: 100_000,
  dedupWindowMs: undefined,
};

describe('createStreamSink', () => {
  let dir: string;
  let hub: DuckDBDriver;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'meshplane-sink-'));
    hub = await DuckDBDriver.open();
    await hub.attach('p_t', path.join(dir, 't.duckdb'));
    for (const sql of systemTablesSql('p_t')) await hub.run(sql);
    await hub.run(
      createTableSql(
        ['p_t', 'input', 'orders'],
        [
          ...columns.map((c) => ({ name: c.name, sqlType: c.sqlType, notNull: c.required })),
          { name: FILE_ID_COLUMN, sqlType: 'BIGINT', notNull: false },
        ],
      ),
    );
    for (const sql of streamTablesSql('p_t')) await hub.run(sql);
  });

  afterEach(async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = async () =>
    (await hub.query('SELECT id, qty, tags FROM p_t.input.orders ORDER BY id')).map((r) => ({ ...r }));

  it('stores accepted records once, quarantines rejects with the reason, and counts per group', async () => {
    const sink = createStreamSink(hub, 'p_t', spec);
    const result = await sink.write({
      records: [
        { value: { id: 'a', qty: 1, tags: ['x'] }, key: 'a', group: 0 },
        { value: { id: 'b', qty: -2 }, key: 'b', group: 0, source: 'http:r1#2', position: 2 },
        { value: { id: 'a', qty: 1 }, key: 'a', group: 1 },
        { value: 'not an object', key: 'c', group: 1 },
        { value: { id: 'd', qty: '7' }, group: 1 },
      ],
      checkpoint: 'cp-1',
    });
    expect(result).toMatchObject({ accepted: 2, duplicates: 1, quarantined: 2, checkpoint: 'cp-1' });
    expect(result.groups.get(0)).toEqual({ accepted: 1, duplicates: 0, quarantined: 1 });
    expect(result.groups.get(1)).toEqual({ accepted: 1, duplicates: 1, quarantined: 1 });
    expect(await rows()).toEqual([
      { id: 'a', qty: 1, tags: '["x"]' },
      { id: 'd', qty: 7, tags: null },
    ]);
    const quarantine = await hub.query(
      'SELECT port, source, CAST(position AS INTEGER) AS position, reason, CAST(record AS VARCHAR) AS record FROM p_t._meshplane.quarantine ORDER BY id',
    );
    expect(quarantine).toEqual([
      {
        port: 'orders',
        source: 'http:r1#2',
        position: 2,
        reason: "qty: '-2' is below the minimum 0",
        record: '{"id":"b","qty":"-2","tags":null}',
      },
      {
        port: 'orders',
        source: 'stream:orders',
        position: 4,
        reason: 'the record is not a JSON object',
        record: '"not an object"',
      },
    ]);
    // A redelivery of the whole batch stores nothing: every keyed record is a duplicate.
    const again = await sink.write({
      records: [
        { value: { id: 'a', qty: 1 }, key: 'a' },
        { value: { id: 'b', qty: -2 }, key: 'b' },
      ],
      checkpoint: 'cp-2',
    });
    expect(again).toMatchObject({ accepted: 0, duplicates: 2, quarantined: 0 });
    expect(await rows()).toHaveLength(2);
    expect(await sink.checkpoint()).toBe('cp-2');
    expect(await createStreamSink(hub, 'p_t', spec).checkpoint()).toBe('cp-2');
  });

  it('merges upserts and deletes by the primary key, the last operation of a key winning', async () => {
    const sink = createStreamSink(hub, 'p_t', spec);
    await sink.write({ records: [{ value: { id: 'a', qty: 1 } }, { value: { id: 'b', qty: 1 } }] });
    const result = await sink.write({
      records: [
        { value: { id: 'a', qty: 5 }, op: 'upsert' },
        { value: { id: 'a', qty: 6 }, op: 'upsert' },
        { value: { id: 'b' }, op: 'delete' },
        { value: { id: 'c', qty: 3 }, op: 'upsert' },
        { value: { id: 'c' }, op: 'delete' },
        { value: { qty: 3 }, op: 'delete' },
      ],
    });
    expect(result).toMatchObject({ accepted: 5, duplicates: 0, quarantined: 1 });
    expect(await rows()).toEqual([{ id: 'a', qty: 6, tags: null }]);
  });

  it('refuses a batch over its bounds and stores nothing of it', async () => {
    const sink = createStreamSink(hub, 'p_t', { ...spec, maxRecords: 2 });
    const records = [1, 2, 3].map((n) => ({ value: { id: String(n), qty: n } }));
    await expect(sink.write({ records })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const small = createStreamSink(hub, 'p_t', { ...spec, maxBytes: 50 });
    await expect(small.write({ records: records.slice(0, 2) })).rejects.toThrow(/over the limit/);
    expect(await rows()).toEqual([]);
  });

  it('rolls back the whole batch when the commit fails, and reports the commit sequence', async () => {
    const commits: number[] = [];
    const sink = createStreamSink(hub, 'p_t', spec, { onCommit: (seq) => commits.push(seq) });
    await sink.write({ records: [{ value: { id: 'a', qty: 1 }, key: 'k1' }] });
    const controller = new AbortController();
    controller.abort();
    await expect(
      sink.write({ records: [{ value: { id: 'b', qty: 1 }, key: 'k2' }] }, controller.signal),
    ).rejects.toThrow();
    await sink.write({ records: [{ value: { id: 'c', qty: 1 }, key: 'k2' }], checkpoint: 'x' });
    expect(commits).toEqual([1, 2]);
    expect(await rows()).toEqual([
      { id: 'a', qty: 1, tags: null },
      { id: 'c', qty: 1, tags: null },
    ]);
  });

  it('writes chunks staged ahead, in order, a key repeated across chunks being a duplicate', async () => {
    const sink = createStreamSink(hub, 'p_t', spec);
    const first = sink.stage([{ value: { id: 'a', qty: 1 }, key: 'a', group: 0 }], 0);
    const second = sink.stage(
      [
        { value: { id: 'a', qty: 2 }, key: 'a', group: 1 },
        { value: { id: 'b', qty: 2 }, key: 'b', group: 1 },
      ],
      1,
    );
    const result = await sink.write({ records: [], staged: [first, second] });
    expect(result.groups.get(0)).toEqual({ accepted: 1, duplicates: 0, quarantined: 0 });
    expect(result.groups.get(1)).toEqual({ accepted: 1, duplicates: 1, quarantined: 0 });
    expect(await rows()).toEqual([
      { id: 'a', qty: 1, tags: null },
      { id: 'b', qty: 2, tags: null },
    ]);
    await expect(sink.write({ records: [], staged: [second, first] })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  });

  it('rolls back what the transaction wrote before a statement failed', async () => {
    const sink = createStreamSink(hub, 'p_t', spec);
    const records = [
      { value: { id: 'a', qty: 1 }, key: 'a' },
      { value: { id: 'b', qty: -1 }, key: 'b' },
    ];
    // The accepted row is written before the quarantine insert, which then fails.
    await hub.run('ALTER TABLE p_t._meshplane.quarantine RENAME TO quarantine_away');
    await expect(sink.write({ records })).rejects.toThrow();
    expect(await rows()).toEqual([]);
    expect(await hub.query('SELECT key FROM p_t._meshplane.stream_keys')).toEqual([]);
    await hub.run('ALTER TABLE p_t._meshplane.quarantine_away RENAME TO quarantine');
    expect(await sink.write({ records })).toMatchObject({ accepted: 1, quarantined: 1, duplicates: 0 });
  });

  it('treats a resend within the dedup window as a duplicate, and forgets keys past it', async () => {
    let clock = 1_000_000;
    const sink = createStreamSink(
      hub,
      'p_t',
      { ...spec, dedupWindowMs: 60_000 },
      { now: () => clock, pruneEveryMs: 0 },
    );
    const a = { value: { id: 'a', qty: 1 }, key: 'a' };
    await sink.write({ records: [a] });
    clock += 30_000;
    expect(await sink.write({ records: [a] })).toMatchObject({ accepted: 0, duplicates: 1 });
    clock += 90_000;
    // This commit prunes keys older than 60 s: 'a' goes, 'b' stays.
    await sink.write({ records: [{ value: { id: 'b', qty: 1 }, key: 'b' }] });
    const keys = await hub.query('SELECT key FROM p_t._meshplane.stream_keys ORDER BY key');
    expect(keys.map((k) => k.key)).toEqual(['b']);
    expect(await sink.write({ records: [a] })).toMatchObject({ accepted: 1, duplicates: 0 });
  });
});
