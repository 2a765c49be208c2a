// bench/cdc: change-to-visible lag and changes per second of a postgres-cdc input port. A private
// PostgreSQL (wal_level=logical, started like test/support/private-postgres.ts) holds a table
// `events (id bigint primary key, v text, changed_at timestamptz)`; `meshplane serve` runs as a
// child process with one deployed product whose input port is `kind: postgres-cdc` on that table
// (and whose output port, a plain SELECT of the input, is rebuilt by the server's input watcher as
// in any real product, so the port competes with it for the product's DuckDB file).
//
// The writer applies changes at a fixed rate: every 10 ms, on one connection, one transaction
// with the changes now due (`INSERT ... ON CONFLICT DO UPDATE`: about half new ids, half updates of
// earlier ones), each row stamping `changed_at = clock_timestamp()`. RETURNING gives each change's
// stamp in the order the rows were written, which is their order in the WAL, and one connection
// committing in turn makes the stream's order the writer's order: change k is the k-th record the
// port stores.
//
// Visible means committed in the product's DuckDB file. The poller reads the port's status
// (`GET /api/v1/products/bench.cdc/ports`) every `--poll-ms`: `counters.accepted` grows only after
// a batch's COMMIT, and `counters.lastCommitAt` is the server's clock just after that commit.
// Change k became visible at the `lastCommitAt` of the first poll whose count reached k. When two
// batches commit between polls, the earlier one is given the later one's time: the lag can only
// be overstated, never understated. Lag = visible - changed_at, both on this machine's clock.
// Sustained rate = changes / (last change visible - first change stamped).
// Target (DESIGN.md): lag p50 under 500 ms at 1,000 changes/s.
import { execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cli, freePort, startServer, stopServer } from './served-meshplane.mjs';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const rate = Number(args.get('rate') ?? 1_000);
const seconds = Number(args.get('seconds') ?? 20);
const pollMs = Number(args.get('poll-ms') ?? 10);
// The port's `batchRows`; unset, the port's default.
const batchRows = args.has('batch-rows') ? Number(args.get('batch-rows')) : undefined;
if (![rate, seconds, pollMs, batchRows ?? 1].every((n) => Number.isInteger(n) && n >= 1)) {
  console.error(
    'usage: node bench/cdc.mjs [--rate=N changes/s] [--seconds=N] [--poll-ms=N] [--batch-rows=N]',
  );
  process.exit(2);
}

const TARGET_P50_MS = 500;
const TARGET_RATE = 1_000;
const TICK_MS = 10;
const PRODUCT = 'bench.cdc';
const PORT = 'events_src';
const PG_ROOT = '/usr/lib/postgresql';
const root = process.getuid?.() === 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The newest installed PostgreSQL's bin folder (Debian layout), or undefined. */
function pgBinaries() {
  if (!existsSync(PG_ROOT)) return undefined;
  const [newest] = readdirSync(PG_ROOT)
    .filter((v) => existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return newest === undefined ? undefined : path.join(PG_ROOT, newest, 'bin');
}

/** Runs a server binary as us, or as `postgres` when we are root (PostgreSQL refuses root). */
function asServerUser(binary, argv) {
  const [file, all] = root ? ['runuser', ['-u', 'postgres', '--', binary, ...argv]] : [binary, argv];
  execFileSync(file, all, { stdio: 'pipe', timeout: 60_000 });
}

/** A private PostgreSQL with wal_level=logical and trust sign-in on 127.0.0.1; `stop()` removes it. */
async function startPostgres(dir) {
  const pgBin = pgBinaries();
  if (pgBin === undefined) throw new Error(`no PostgreSQL server binaries (initdb, pg_ctl) under ${PG_ROOT}`);
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, 'data');
  asServerUser(path.join(pgBin, 'initdb'), [
    '-D',
    dataDir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    '-c wal_level=logical',
    '-c max_replication_slots=4',
    '-c max_wal_senders=4',
    '-c fsync=off',
  ].join(' ');
  asServerUser(path.join(pgBin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-o',
    settings,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const stop = async () => {
    if (!alive()) return;
    process.kill(pid, 'SIGINT'); // fast shutdown: ends the replication connection too
    const deadline = Date.now() + 15_000;
    while (alive() && Date.now() < deadline) await sleep(50);
    if (alive()) process.kill(pid, 'SIGKILL');
  };
  return { host: '127.0.0.1', port, user: 'postgres', database: 'postgres', stop };
}

const COLUMNS = [
  {
    name: 'id',
    logicalType: 'integer',
    physicalType: 'BIGINT',
    required: true,
    primaryKey: true,
    primaryKeyPosition: 1,
  },
  { name: 'v', logicalType: 'string' },
  {
    name: 'changed_at',
    logicalType: 'timestamp',
    physicalType: 'TIMESTAMPTZ',
    logicalTypeOptions: { timezone: true },
  },
];

/** mesh.yaml and product bench.cdc: input port `events_src` (postgres-cdc), output port `events`. */
function writeWorkspace(dir, db) {
  const product = path.join(dir, 'domains/bench/cdc');
  mkdirSync(product, { recursive: true });
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`; // JSON is YAML
  const team = { name: 'bench-team' };
  writeFileSync(
    path.join(dir, 'mesh.yaml'),
    json({
      apiVersion: 'meshplane/v1',
      kind: 'Mesh',
      name: 'bench',
      teams: [{ ...team, members: [{ username: 'owner@example.com', role: 'owner' }] }],
      domains: [{ name: 'bench', ownerTeam: 'bench-team' }],
    }),
  );
  const contract = (id, name, extra) => ({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id,
    name,
    version: '1.0.0',
    status: 'active',
    domain: 'bench',
    dataProduct: 'cdc',
    team,
    ...extra,
    schema: [{ name, physicalName: name, logicalType: 'object', properties: COLUMNS }],
  });
  writeFileSync(
    path.join(product, `${PORT}.odcs.yaml`),
    json(
      contract('bench.cdc.src.v1', PORT, {
        servers: [
          {
            server: 'app-db',
            type: 'postgres',
            host: db.host,
            port: db.port,
            database: db.database,
            schema: 'public',
            customProperties: [
              {
                property: 'meshplane.port',
                value: {
                  kind: 'postgres-cdc',
                  table: 'events',
                  publication: 'events_pub',
                  createPublication: true,
                  slot: 'bench_cdc_events',
                  user: db.user,
                  ...(batchRows === undefined ? {} : { batchRows }),
                },
              },
            ],
          },
        ],
      }),
    ),
  );
  writeFileSync(
    path.join(product, 'events.odcs.yaml'),
    json(
      contract('bench.cdc.events.v1', 'events', {
        customProperties: [
          { property: 'meshplane.transform', value: 'events.sql' },
          { property: 'meshplane.refresh', value: 'full' },
        ],
      }),
    ),
  );
  writeFileSync(path.join(product, 'events.sql'), `select id, v, changed_at from ${PORT}\n`);
  writeFileSync(
    path.join(product, 'product.odps.yaml'),
    json({
      apiVersion: 'v1.0.0',
      kind: 'DataProduct',
      id: PRODUCT,
      name: 'cdc',
      version: '1.0.0',
      status: 'active',
      domain: 'bench',
      inputPorts: [{ name: PORT, version: '1.0.0', contractId: 'bench.cdc.src.v1' }],
      outputPorts: [{ name: 'events', version: '1.0.0', type: 'tables', contractId: 'bench.cdc.events.v1' }],
      team: { ...team, members: [{ username: 'owner@example.com', role: 'owner' }] },
    }),
  );
  return product;
}

/** The port's view from the server's status API. */
async function portView(base) {
  const response = await fetch(`${base}/api/v1/products/${PRODUCT}/ports`);
  if (response.status !== 200) throw new Error(`ports: ${response.status} ${await response.text()}`);
  const view = (await response.json()).ports.find((p) => p.port === PORT);
  if (view === undefined) throw new Error(`no port ${PORT} in the status of ${PRODUCT}`);
  return view;
}

/**
 * Applies `rate` changes/s for `seconds` s; resolves with each change's `changed_at` in epoch ms, in
 * commit order, and the wall time the writer took.
 */
async function write(client) {
  const stamps = [];
  let nextId = 1; // ids 1..nextId-1 exist
  let updateCursor = 1;
  const total = rate * seconds;
  const started = performance.now();
  while (stamps.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000)) - stamps.length;
    if (due > 0) {
      const existing = nextId - 1;
      // About half updates, each of a distinct existing row (one statement cannot touch a row twice).
      const updates = Math.min(Math.floor(due / 2), existing);
      const ids = [];
      for (let i = 0; i < updates; i++) {
        ids.push(updateCursor);
        updateCursor = (updateCursor % existing) + 1;
      }
      while (ids.length < due) ids.push(nextId++);
      const { rows } = await client.query(
        `INSERT INTO events (id, v, changed_at)
           SELECT id, 'v' || id || '@' || $2, clock_timestamp() FROM unnest($1::bigint[]) WITH ORDINALITY AS u(id, n) ORDER BY n
         ON CONFLICT (id) DO UPDATE SET v = excluded.v, changed_at = clock_timestamp()
         RETURNING (extract(epoch FROM changed_at) * 1000000)::bigint::text AS us`,
        [ids, stamps.length],
      );
      for (const r of rows) stamps.push(Number(r.us) / 1000);
    }
    await sleep(TICK_MS);
  }
  return { stamps, ms: performance.now() - started, rows: nextId - 1 };
}

/** Polls the port's status until `stop()`; each poll where the count grew: [accepted, visible ms]. */
function poll(base, baseline) {
  const seen = [];
  let stopped = false;
  let last = baseline;
  let failure;
  const done = (async () => {
    while (!stopped) {
      const view = await portView(base);
      const received = performance.timeOrigin + performance.now();
      const accepted = view.counters?.accepted ?? 0;
      if (view.status.state === 'failed') throw new Error(`the port failed: ${view.status.reason}`);
      if (accepted > last) {
        const at =
          view.counters.lastCommitAt === undefined ? received : Date.parse(view.counters.lastCommitAt);
        seen.push([accepted - baseline, Math.min(at, received)]);
        last = accepted;
      }
      await sleep(pollMs);
    }
  })().catch((error) => {
    // Kept for the caller, so a failed poll ends the run through its cleanup.
    failure = error;
  });
  return {
    seen,
    count: () => {
      if (failure !== undefined) throw failure;
      return last - baseline;
    },
    stop: async () => {
      stopped = true;
      await done;
      if (failure !== undefined) throw failure;
    },
  };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-bench-cdc-'));
// Its own folder: the server may run as `postgres`, which cannot enter ours.
const pgDir = mkdtempSync(path.join(tmpdir(), 'meshplane-bench-cdc-pg-'));
let db;
let server;
let client;
try {
  db = await startPostgres(pgDir);
  client = new pg.Client({ host: db.host, port: db.port, user: db.user, database: db.database });
  await client.connect();
  await client.query('CREATE TABLE events (id bigint PRIMARY KEY, v text, changed_at timestamptz)');

  const workspace = path.join(dir, 'mesh');
  const product = writeWorkspace(workspace, db);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = await startServer(workspace, port);
  cli(['deploy', product, '--server', base], workspace);

  // The port streams once its (empty) snapshot is stored: from then on, every change counts.
  const deadline = Date.now() + 60_000;
  let view = await portView(base);
  while (view.status.state !== 'running') {
    if (view.status.state === 'failed' || Date.now() > deadline)
      throw new Error(`the port did not start: ${JSON.stringify(view.status)}\n${server.output()}`);
    await sleep(50);
    view = await portView(base);
  }
  const baseline = view.counters?.accepted ?? 0;

  const poller = poll(base, baseline);
  const written = await write(client);
  const total = written.stamps.length;
  const drainDeadline = Date.now() + 60_000 + seconds * 1000;
  while (poller.count() < total) {
    if (Date.now() > drainDeadline)
      throw new Error(`the port stored ${poller.count()} of ${total} changes:\n${server.output()}`);
    await sleep(pollMs);
  }
  await poller.stop();
  view = await portView(base);
  if (
    view.counters.accepted - baseline !== total ||
    view.counters.duplicates !== 0 ||
    view.counters.quarantined !== 0
  )
    throw new Error(`expected ${total} accepted changes, got ${JSON.stringify(view.counters)}`);

  const lags = [];
  let k = 0;
  for (const [count, at] of poller.seen)
    for (; k < count && k < total; k++) lags.push(at - written.stamps[k]);
  const lastVisible = poller.seen.at(-1)[1];
  const sustained = total / ((lastVisible - written.stamps[0]) / 1000);
  lags.sort((a, b) => a - b);

  // The changes are really in the product: its output port, rebuilt from the input table by the
  // input watcher, ends up with every row and the newest stamp.
  const { rows: expected } = await client.query(
    'SELECT count(*)::int AS n, (extract(epoch FROM max(changed_at)) * 1000000)::bigint::text AS us FROM events',
  );
  const want = `${expected[0].n}/${expected[0].us}`;
  let got = '';
  const queryDeadline = Date.now() + 30_000;
  while (got !== want) {
    if (Date.now() > queryDeadline) throw new Error(`the output port holds ${got}, the table ${want}`);
    const response = await fetch(`${base}/api/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sql: 'select count(*)::integer as n, epoch_us(max(changed_at))::varchar as us from bench.cdc',
      }),
    });
    if (response.status === 200) {
      const [row] = (await response.json()).rows;
      got = `${row.n}/${row.us}`;
    }
    if (got !== want) await sleep(200);
  }

  const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
  const writerRate = (total / written.ms) * 1000;
  console.log(
    `bench/cdc: ${total} changes (${written.rows} rows inserted, the rest updates) at ${rate} changes/s for ${seconds} s, ` +
      `port batchRows ${batchRows ?? 'default'}, polled every ${pollMs} ms, ${availableParallelism()} cores`,
  );
  console.log(
    `  writer: ${total} changes in ${(written.ms / 1000).toFixed(1)} s, ${writerRate.toFixed(0)} changes/s`,
  );
  console.log(
    `  lag change -> visible: p50 ${fmt(percentile(lags, 50))}  p90 ${fmt(percentile(lags, 90))}  ` +
      `p99 ${fmt(percentile(lags, 99))}  max ${fmt(lags.at(-1))}`,
  );
  console.log(
    `  sustained: ${sustained.toFixed(0)} changes/s visible, in ${poller.seen.length} commits seen`,
  );
  const p50 = percentile(lags, 50);
  const verdict =
    sustained < TARGET_RATE * 0.95
      ? `not comparable (${sustained.toFixed(0)} changes/s; run at --rate=${TARGET_RATE} or more)`
      : p50 < TARGET_P50_MS
        ? 'met'
        : 'MISSED';
  console.log(
    `  target: p50 < ${TARGET_P50_MS} ms at ${TARGET_RATE} changes/s; measured p50 ${p50.toFixed(0)} ms: ${verdict}`,
  );
} finally {
  await client?.end().catch(() => undefined);
  await stopServer(server);
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(pgDir, { recursive: true, force: true });
}
