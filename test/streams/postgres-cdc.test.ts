/**
 * The postgres-cdc source against a private PostgreSQL with wal_level=logical, into an in-memory
 * sink that merges upserts and deletes by key: snapshot plus changes, resume after a restart, a
 * failed write, and the errors a team meets (wal_level, publication, REPLICATION, dropped slot).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../src/errors/index.js';
import {
  createPostgresCdcSource,
  type PostgresCdcPortSpec,
  parseLsn,
  postgresCdcPortSpec,
} from '../../src/ports/postgres-cdc/index.js';
import type {
  PortStatus,
  StreamBatch,
  StreamBatchResult,
  StreamSink,
  StreamSourceContext,
} from '../../src/ports/stream/stream-types.js';
import type { StoredInputPort } from '../../src/runtime/runtime-product.js';
import {
  type PrivatePostgres,
  privatePostgresUnavailable,
  startPrivatePostgres,
} from '../support/private-postgres.js';

const why = privatePostgresUnavailable();
if (why !== undefined) {
  if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') throw new Error(`postgres-cdc: ${why}`);
  console.warn(`\n*** SKIPPED: postgres-cdc: ${why} ***\n`);
}

const COLUMNS = ['id', 'name', 'amount', 'big', 'at', 'ok', 'doc', 'tags'] as const;

/** A stored input port as the runtime resolves it, for a table `public.<table>`. */
export function cdcPort(
  pg: PrivatePostgres,
  table: string,
  settings: Record<string, unknown>,
): StoredInputPort {
  const kinds: Record<string, string> = {
    id: 'integer',
    big: 'integer',
    amount: 'number',
    ok: 'boolean',
    at: 'temporal',
    doc: 'other',
    tags: 'composite',
  };
  return {
    kind: 'postgres-cdc',
    name: table,
    columns: COLUMNS.map((name) => ({
      name,
      sqlType: 'VARCHAR',
      kind: kinds[name] ?? 'text',
      required: name === 'id',
    })),
    settings: {
      kind: 'postgres-cdc',
      table,
      publication: `${table}_pub`,
      slot: `${table}_slot`,
      user: pg.user,
      ...settings,
    },
    schema: {
      name: table,
      physicalName: table,
      properties: COLUMNS.map((name) => ({
        name,
        physicalName: name,
        primaryKey: name === 'id',
        primaryKeyPosition: 1,
      })),
    },
    server: {
      server: 'source',
      type: 'postgres',
      settings: { host: pg.host, port: pg.port, database: pg.database, schema: 'public' },
      customProperties: [],
      path: [],
    },
  } as unknown as StoredInputPort;
}

/** A sink that keeps the table as a map by key, like the real sink's merge. */
class MemorySink implements StreamSink {
  readonly rows = new Map<string, Record<string, unknown>>();
  stored: string | undefined;
  records = 0;
  writes = 0;
  failNext = 0;

  async write(batch: StreamBatch): Promise<StreamBatchResult> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('sink unavailable');
    }
    for (const record of batch.records) {
      const value = record.value as Record<string, unknown>;
      const key = JSON.stringify(value.id);
      if (record.op === 'delete') this.rows.delete(key);
      else this.rows.set(key, value);
    }
    this.records += batch.records.length;
    this.writes += 1;
    if (batch.checkpoint !== undefined) this.stored = batch.checkpoint;
    const counts = { accepted: batch.records.length, duplicates: 0, quarantined: 0 };
    return {
      ...counts,
      groups: new Map([[-1, counts]]),
      ...(this.stored === undefined ? {} : { checkpoint: this.stored }),
    };
  }

  stage(): never {
    throw new Error('a CDC source writes records, it does not stage them');
  }

  async checkpoint(): Promise<string | undefined> {
    return this.stored;
  }

  hash(): string {
    const rows = [...this.rows.values()].map((r) => COLUMNS.map((c) => r[c] ?? null));
    return digest(rows);
  }
}

function digest(rows: unknown[][]): string {
  const sorted = rows.map((r) => JSON.stringify(r)).sort();
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

/** The source table's rows as the port reads them (text values, booleans, parsed json). */
async function sourceHash(pg: PrivatePostgres, table: string): Promise<string> {
  const [result] = await pg.admin(
    `SELECT id::text, name, amount::text, big::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' AS at, ok, doc, to_jsonb(tags) AS tags FROM ${table}`,
  );
  return digest((result?.rows ?? []).map((r) => COLUMNS.map((c) => r[c] ?? null)));
}

interface Running {
  readonly reports: PortStatus[];
  readonly logs: string[];
  readonly done: Promise<unknown>;
  stop(): Promise<void>;
}

function start(spec: PostgresCdcPortSpec, sink: StreamSink): Running {
  const controller = new AbortController();
  const reports: PortStatus[] = [];
  const logs: string[] = [];
  const ctx: StreamSourceContext = {
    productId: 'shop/orders',
    port: spec.port,
    sink,
    signal: controller.signal,
    report: (s) => reports.push({ ...s, since: new Date().toISOString() }),
    log: (line) => logs.push(line),
  };
  const done = createPostgresCdcSource(spec, { statusIntervalMs: 200, maxDelayMs: 20 }).run(ctx);
  done.catch(() => undefined);
  return {
    reports,
    logs,
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function createTable(pg: PrivatePostgres, table: string, rows = 0): Promise<void> {
  await pg.admin(
    `CREATE TABLE ${table} (id bigint PRIMARY KEY, name text, amount numeric(30,4), big bigint, at timestamptz, ok boolean, doc jsonb, tags text[])`,
    `INSERT INTO ${table} SELECT g, 'row ' || g, g * 1.0001, 9007199254740993 + g, timestamptz '2025-01-02 10:00:00.123456+02' + g * interval '1 minute', g % 2 = 0, jsonb_build_object('g', g), ARRAY['t' || g, 'x y'] FROM generate_series(1, ${rows}) g`,
  );
}

async function caught(promise: Promise<unknown>): Promise<MeshplaneError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof MeshplaneError)) throw new Error(`expected a MeshplaneError, got ${String(error)}`);
  return error;
}

describe.skipIf(why !== undefined)('postgres-cdc source', () => {
  let pg: PrivatePostgres;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
  }, 60_000);

  afterAll(async () => {
    await pg?.stop();
  });

  it('writes the snapshot, then inserts, updates and deletes, exactly as the source table', async () => {
    await createTable(pg, 'items', 1200);
    await pg.admin('CREATE PUBLICATION items_pub FOR TABLE items');
    const spec = postgresCdcPortSpec(cdcPort(pg, 'items', { batchRows: 500 }));
    const sink = new MemorySink();
    const run = start(spec, sink);
    try {
      await until(
        'the snapshot',
        () => sink.rows.size === 1200 && sink.stored !== undefined && !sink.stored.startsWith('snapshot@'),
      );
      const consistent = parseLsn(sink.stored ?? '');
      expect(sink.rows.get('"1"')).toEqual({
        id: '1',
        name: 'row 1',
        amount: '1.0001',
        big: '9007199254740994',
        at: '2025-01-02 08:01:00.123456+00',
        ok: false,
        doc: { g: 1 },
        tags: ['t1', 'x y'],
      });
      await pg.admin(
        `INSERT INTO items VALUES (5000, 'new', 12345678901234567890.1234, 9223372036854775807, '2025-06-01 00:00:00.000001+00', true, '{"deep": [1, {"x": null}]}', '{a,"b c",NULL}')`,
        "UPDATE items SET name = 'changed', amount = amount * 2 WHERE id <= 300",
        'DELETE FROM items WHERE id BETWEEN 301 AND 400',
        'UPDATE items SET id = 9000 WHERE id = 401',
        `BEGIN; INSERT INTO items (id, name) VALUES (6000, 'in a transaction'); DELETE FROM items WHERE id = 6000; INSERT INTO items (id) VALUES (6001); COMMIT;`,
      );
      const expected = await sourceHash(pg, 'items');
      await until('the changes', () => sink.hash() === expected);
      expect(sink.rows.get('"5000"')).toMatchObject({
        amount: '12345678901234567890.1234',
        big: '9223372036854775807',
        at: '2025-06-01 00:00:00.000001+00',
        tags: ['a', 'b c', null],
      });
      expect(sink.rows.has('"401"')).toBe(false);
      expect(parseLsn(sink.stored ?? '') > consistent).toBe(true);
      // The slot moves on once the sink stored the changes, so PostgreSQL can drop that WAL.
      await until('the flush position', async () => {
        const [r] = await pg.admin(
          "SELECT confirmed_flush_lsn::text AS f FROM pg_replication_slots WHERE slot_name = 'items_slot'",
        );
        return parseLsn(String(r?.rows[0]?.f)) >= parseLsn(sink.stored ?? '');
      });
      await until('a lag report', () =>
        run.reports.some((r) => r.state === 'running' && r.lagUnit === 'bytes' && typeof r.lag === 'number'),
      );
    } finally {
      await run.stop();
    }
  });

  it('resumes from the stored checkpoint after a restart: no second snapshot, nothing lost or repeated', async () => {
    await createTable(pg, 'resumed', 100);
    const spec = postgresCdcPortSpec(cdcPort(pg, 'resumed', { createPublication: true }));
    const sink = new MemorySink();
    let run = start(spec, sink);
    await until('the snapshot', () => sink.rows.size === 100 && sink.stored !== undefined);
    await pg.admin("UPDATE resumed SET name = 'before stop' WHERE id = 1");
    await until('the first change', () => sink.rows.get('"1"')?.name === 'before stop');
    await run.stop();
    const written = sink.records;
    await pg.admin(
      "UPDATE resumed SET name = 'while stopped' WHERE id <= 10",
      'DELETE FROM resumed WHERE id > 90',
      "INSERT INTO resumed (id, name) VALUES (101, 'while stopped')",
    );
    run = start(spec, sink);
    try {
      const expected = await sourceHash(pg, 'resumed');
      await until('the changes made while stopped', () => sink.hash() === expected);
      // 10 updates + 10 deletes + 1 insert, and not the 100 rows of a second snapshot.
      expect(sink.records - written).toBe(21);
      expect(run.logs.some((l) => l.includes('snapshot'))).toBe(false);
    } finally {
      await run.stop();
    }
  });

  it('redoes an unfinished snapshot and confirms nothing the sink refused', async () => {
    await createTable(pg, 'retried', 30);
    const spec = postgresCdcPortSpec(cdcPort(pg, 'retried', { createPublication: true, batchRows: 10 }));
    const sink = new MemorySink();
    // The first snapshot batch is stored, the second refused: the checkpoint says "snapshot pending".
    const failing: StreamSink = {
      write: async (batch) => {
        if (sink.writes === 1) throw new Error('sink unavailable');
        return sink.write(batch);
      },
      checkpoint: () => sink.checkpoint(),
      stage: () => sink.stage(),
    };
    await expect(start(spec, failing).done).rejects.toThrow('sink unavailable');
    expect(sink.stored).toMatch(/^snapshot@/);
    await pg.admin('DELETE FROM retried WHERE id <= 5', "UPDATE retried SET name = 'x' WHERE id = 20");
    const run = start(spec, sink);
    try {
      const expected = await sourceHash(pg, 'retried');
      await until('the redone snapshot and the replayed changes', () => sink.hash() === expected);
      sink.failNext = 1;
      await pg.admin("INSERT INTO retried (id, name) VALUES (31, 'refused once')");
      await expect(run.done).rejects.toThrow('sink unavailable');
    } finally {
      await run.stop().catch(() => undefined);
    }
    const again = start(spec, sink);
    try {
      const expected = await sourceHash(pg, 'retried');
      await until('the refused change, sent again', () => sink.hash() === expected);
    } finally {
      await again.stop();
    }
  });

  it('fails clearly when the publication is missing, the role lacks REPLICATION, or the slot is dropped', async () => {
    await createTable(pg, 'guarded', 3);
    const missing = await caught(
      start(postgresCdcPortSpec(cdcPort(pg, 'guarded', {})), new MemorySink()).done,
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toMatch(
      /publication guarded_pub does not exist: CREATE PUBLICATION "guarded_pub" FOR TABLE "public"."guarded"/,
    );

    await pg.admin('CREATE ROLE reader LOGIN', 'GRANT SELECT ON guarded TO reader');
    const noReplication = await caught(
      start(
        postgresCdcPortSpec(cdcPort(pg, 'guarded', { user: 'reader', createPublication: true })),
        new MemorySink(),
      ).done,
    );
    expect(noReplication.code).toBe('FORBIDDEN');
    expect(noReplication.message).toContain(
      'role reader lacks the REPLICATION attribute: ALTER ROLE "reader" REPLICATION',
    );

    const spec = postgresCdcPortSpec(cdcPort(pg, 'guarded', { createPublication: true }));
    const sink = new MemorySink();
    const run = start(spec, sink);
    await until('the snapshot', () => sink.rows.size === 3 && sink.stored !== undefined);
    await until('a running report', () => run.reports.some((r) => r.state === 'running'));
    // An operator drops the slot: its walsender must end first.
    await until('the slot dropped', async () => {
      try {
        await pg.admin(
          "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = 'guarded_slot' AND active_pid IS NOT NULL",
          "SELECT pg_drop_replication_slot('guarded_slot')",
        );
        return true;
      } catch {
        return false;
      }
    });
    const dropped = await caught(run.done);
    expect(dropped.code).toBe('PRECONDITION_FAILED');
    expect(dropped.message).toMatch(/replication slot guarded_slot .*was dropped while the port ran/);
    expect(run.reports.at(-1)).toMatchObject({ state: 'failed', reason: dropped.message });
    // A restart cannot fill the gap either.
    const restarted = await caught(start(spec, sink).done);
    expect(restarted.message).toMatch(/replication slot guarded_slot .*is gone; the changes after/);
  });

  it('says how to fix wal_level when the server is not set up for logical replication', async () => {
    const replica = await startPrivatePostgres({ walLevel: 'replica' });
    try {
      await createTable(replica, 'plain', 1);
      const error = await caught(
        start(postgresCdcPortSpec(cdcPort(replica, 'plain', { createPublication: true })), new MemorySink())
          .done,
      );
      expect(error.code).toBe('PRECONDITION_FAILED');
      expect(error.message).toContain(
        'wal_level is replica, change data capture needs logical: run ALTER SYSTEM SET wal_level = logical and restart PostgreSQL',
      );
    } finally {
      await replica.stop();
    }
  }, 60_000);
});
