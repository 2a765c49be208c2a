// bench/ingest-stream: events per second of an http-push input port with durable acknowledgement:
// `meshplane serve` as a child process, concurrent clients (8 and 32 by default, each level into a
// fresh product) each posting NDJSON batches of 1,000 events and waiting for the answer, which
// comes only after the batch's COMMIT (every event validated against the input contract,
// deduplicated by its id, stored with its key in one transaction). The reference, measured in the
// same run: DuckDB's appender appending the same pre-parsed rows into a typed table of a fresh
// DuckDB file (no parsing, checks, keys or HTTP). Target: 100,000 events/s on 2 cores.
// Then, in the same server, a NATS JetStream input port: a second product reads a fresh stream the
// bench creates and fills beforehand (publish not timed); the clock runs from the port's resume,
// with every message already in the stream, until its committed count reaches the N events.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, DuckDBTimestampValue } from '@duckdb/node-api';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { parse, stringify } from 'yaml';
import { cli, freePort, startServer, stopServer } from './served-meshplane.mjs';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const events = Number(args.get('events') ?? 200_000);
const batch = Number(args.get('batch') ?? 1_000);
// Concurrent HTTP clients, one measurement per level: each client waits for its durable answer, so
// the events in flight are clients x batch, and throughput is what commits in that window.
const clientLevels = String(args.get('clients') ?? '8,32')
  .split(',')
  .map(Number);
const withNats = args.get('nats') ?? 'true';
const natsUrl = args.get('nats-url') ?? 'nats://127.0.0.1:4222';
if (
  ![events, batch, ...clientLevels].every((n) => Number.isInteger(n) && n >= 1) ||
  !['true', 'false'].includes(withNats)
) {
  console.error(
    'usage: node bench/ingest-stream.mjs [--events=N] [--batch=N] [--clients=N[,N...]] [--nats=false] [--nats-url=nats://host:4222]',
  );
  process.exit(2);
}
// The nats port fetches (and commits) at most 10,000 messages at a time.
const natsBatch = Math.min(batch, 10_000);

const TYPES = ['created', 'updated', 'deleted'];
const OCCURRED = '2026-01-06T09:15:00Z';
const OCCURRED_US = BigInt(Date.parse(OCCURRED)) * 1000n;

/** The pre-parsed rows both sides store. */
function row(i) {
  return {
    event_id: `ev-${i}`,
    event_type: TYPES[i % 3],
    entity_id: `E-${i % 977}`,
    occurred_at: OCCURRED,
    actor_email: i % 5 === 0 ? null : `user${i % 1000}@example.com`,
    amount: i % 1000,
  };
}

/** Meshplane: every batch posted and acknowledged; wall time from the first post to the last answer. */
async function meshplane(url, bodies, clients) {
  let next = 0;
  let accepted = 0;
  const client = async () => {
    for (;;) {
      const i = next++;
      if (i >= bodies.length) return;
      for (;;) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson' },
          body: bodies[i],
        });
        const text = await response.text();
        if (response.status === 429) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        if (response.status !== 200) throw new Error(`push: ${response.status} ${text}`);
        accepted += JSON.parse(text).accepted;
        break;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const ms = performance.now() - started;
  if (accepted !== events) throw new Error(`meshplane stored ${accepted} of ${events} events`);
  return ms;
}

/** Why JetStream at `url` cannot be used, or undefined when it can. */
async function natsUnreachable(url) {
  try {
    const nc = await connect({ servers: url, reconnect: false, timeout: 2000 });
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
    } finally {
      await nc.close();
    }
    return undefined;
  } catch (error) {
    return error.message;
  }
}

/** Publishes every row on `subject`, a window of acks in flight at a time; resolves after the last ack. */
async function publish(nc, subject, rows) {
  const js = jetstream(nc);
  const window = 1_000;
  for (let i = 0; i < rows.length; i += window)
    await Promise.all(rows.slice(i, i + window).map((r) => js.publish(subject, JSON.stringify(r))));
}

async function api(base, method, route) {
  const response = await fetch(`${base}/api/v1${route}`, { method });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return JSON.parse(text);
}

async function portView(base, productId, port) {
  const { ports } = await api(base, 'GET', `/products/${productId}/ports`);
  const view = ports.find((p) => p.port === port);
  if (view === undefined) throw new Error(`${productId} has no input port ${port}`);
  return view;
}

/**
 * Meshplane over NATS: the port resumed with every message already in its stream; wall time from
 * the resume until the port's committed count (GET /products/:id/ports) reaches the N events.
 */
async function meshplaneNats(base, productId, port) {
  const started = performance.now();
  await api(base, 'POST', `/products/${productId}/ports/${port}/resume`);
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { status, counters } = await portView(base, productId, port);
    if (counters.accepted >= events) {
      const ms = performance.now() - started;
      if (counters.accepted !== events || counters.duplicates !== 0 || counters.quarantined !== 0)
        throw new Error(`the nats port stored an unexpected count: ${JSON.stringify(counters)}`);
      return ms;
    }
    if (status.state === 'failed') throw new Error(`the nats port failed: ${status.reason}`);
    if (Date.now() > deadline)
      throw new Error(`the nats port stored ${counters.accepted} of ${events} events in 300 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** DuckDB alone: the appender appending the pre-parsed rows into a typed table of a fresh file. */
async function reference(rows, dbFile) {
  const instance = await DuckDBInstance.create(dbFile);
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE events (event_id VARCHAR NOT NULL, event_type VARCHAR NOT NULL,
      entity_id VARCHAR NOT NULL, occurred_at TIMESTAMP NOT NULL, actor_email VARCHAR, amount DOUBLE)`);
    const started = performance.now();
    const appender = await connection.createAppender('events');
    for (const r of rows) {
      appender.appendVarchar(r.event_id);
      appender.appendVarchar(r.event_type);
      appender.appendVarchar(r.entity_id);
      appender.appendTimestamp(new DuckDBTimestampValue(OCCURRED_US));
      if (r.actor_email === null) appender.appendNull();
      else appender.appendVarchar(r.actor_email);
      appender.appendDouble(r.amount);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    await connection.run('CHECKPOINT');
    return performance.now() - started;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * A product of the events template whose output has no transform: a run of the product has nothing
 * to do, so the measure is the port alone. Returns the product's folder.
 */
function eventsProduct(workspace, name) {
  cli(['new', `bench/${name}`, '--template', 'events'], workspace);
  const product = path.join(workspace, 'domains/bench', name);
  const contract = path.join(product, `${name}.odcs.yaml`);
  const text = readFileSync(contract, 'utf8');
  const transform = /\n {2}- property: meshplane\.transform\n( {4}.*\n)+?(?= {2}- property)/;
  if (!transform.test(text))
    throw new Error("the events template's output contract has no meshplane.transform");
  writeFileSync(contract, text.replace(transform, '\n'));
  return product;
}

/** Makes the template's nats server entry the input port's only one, reading `stream`. */
function useNats(product, name, stream) {
  const file = path.join(product, `${name}_events.odcs.yaml`);
  const contract = parse(readFileSync(file, 'utf8'));
  const nats = contract.servers.find((s) => s.server === 'nats');
  if (nats === undefined) throw new Error("the events template's input contract has no nats server");
  nats.customProperties = [
    {
      property: 'meshplane.port',
      value: {
        kind: 'nats',
        url: natsUrl,
        stream,
        subjects: [`${stream}.events`],
        idField: 'event_id',
        batch: natsBatch,
      },
    },
  ];
  contract.servers = [nats];
  writeFileSync(file, stringify(contract));
}

if (withNats === 'true') {
  const why = await natsUnreachable(natsUrl);
  if (why !== undefined) {
    console.error(
      `bench/ingest-stream: NATS JetStream at ${natsUrl} is unreachable (${why}); start one (nats-server -js) or pass --nats=false`,
    );
    process.exit(1);
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'meshplane-bench-stream-'));
let server;
let nc;
let stream;
try {
  const workspace = path.join(root, 'mesh');
  cli(['init', workspace], root);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = await startServer(workspace, port);

  const rows = Array.from({ length: events }, (_, i) => row(i));
  const bodies = [];
  for (let i = 0; i < events; i += batch)
    bodies.push(
      `${rows
        .slice(i, i + batch)
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
  // One product per level, so each level stores all N events into a fresh port.
  const pushes = [];
  for (const clients of clientLevels) {
    const name = `orders_c${clients}`;
    cli(['deploy', eventsProduct(workspace, name), '--server', base], workspace);
    const url = `${base}/api/v1/products/bench.${name}/ports/${name}_events/events`;
    pushes.push({ clients, ms: await meshplane(url, bodies, clients) });
  }
  const ref = await reference(rows, path.join(root, 'reference.duckdb'));

  let natsMs;
  let publishMs;
  if (withNats === 'true') {
    nc = await connect({ servers: natsUrl });
    const jsm = await jetstreamManager(nc);
    stream = `MESHPLANE_BENCH_${Date.now().toString(36)}_${process.pid}`;
    await jsm.streams.add({ name: stream, subjects: [`${stream}.events`] });
    const natsProduct = eventsProduct(workspace, 'orders_nats');
    useNats(natsProduct, 'orders_nats', stream);
    cli(['deploy', natsProduct, '--server', base], workspace);
    // Paused while the stream fills, so the clock starts with every message available at once.
    await api(base, 'POST', '/products/bench.orders_nats/ports/orders_nats_events/pause');
    const publishStarted = performance.now();
    await publish(nc, `${stream}.events`, rows);
    publishMs = performance.now() - publishStarted;
    natsMs = await meshplaneNats(base, 'bench.orders_nats', 'orders_nats_events');
  }

  const perSec = (ms) => Math.round((events / ms) * 1000);
  console.log(
    `bench/ingest-stream: ${events} events, NDJSON batches of ${batch}, ${clientLevels.join(' / ')} concurrent clients, ${availableParallelism()} cores`,
  );
  const lines = [
    ['reference: DuckDB appender', ref],
    ...pushes.map((p) => [`meshplane http-push, ${p.clients} clients`, p.ms]),
  ];
  if (natsMs !== undefined) lines.push(['meshplane nats (committed)', natsMs]);
  for (const [name, ms] of lines)
    console.log(
      `  ${name.padEnd(30)} ${ms.toFixed(1).padStart(9)} ms  ${String(perSec(ms)).padStart(9)} events/s`,
    );
  for (const p of pushes)
    console.log(
      `  ratio meshplane http-push (${p.clients} clients) / reference: ${(ref / p.ms).toFixed(2)}x throughput`,
    );
  if (natsMs !== undefined) {
    console.log(`  ratio meshplane nats / reference: ${(ref / natsMs).toFixed(2)}x throughput`);
    console.log(
      `  nats: fetch batches of ${natsBatch}, stream ${stream} filled beforehand (${events} publishes acked in ${publishMs.toFixed(0)} ms, not timed)`,
    );
  }
  const best = pushes.reduce((a, b) => (b.ms < a.ms ? b : a));
  console.log(
    `  target: 100000 events/s on 2 cores; measured ${pushes.map((p) => `${perSec(p.ms)} (${p.clients} clients)`).join(', ')}: ${perSec(best.ms) >= 100_000 ? 'met' : 'MISSED'}`,
  );
} finally {
  await stopServer(server);
  if (nc !== undefined) {
    // After the server stopped, so its port never sees the stream vanish.
    if (stream !== undefined)
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined);
    await nc.close();
  }
  rmSync(root, { recursive: true, force: true });
}
