// bench/ingest-stream: events per second of an http-push input port with durable acknowledgement:
// `meshplane serve` as a child process, several concurrent clients each posting NDJSON batches of
// 1,000 events and waiting for the answer, which comes only after the batch's COMMIT (every event
// validated against the input contract, deduplicated by its id, stored with its key in one
// transaction). The reference, measured in the same run: DuckDB's appender appending the same
// pre-parsed rows into a typed table of a fresh DuckDB file (no parsing, checks, keys or HTTP).
// Target: 100,000 events/s on 2 cores.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, DuckDBTimestampValue } from '@duckdb/node-api';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const events = Number(args.get('events') ?? 200_000);
const batch = Number(args.get('batch') ?? 1_000);
const clients = Number(args.get('clients') ?? 8);
if (![events, batch, clients].every((n) => Number.isInteger(n) && n >= 1)) {
  console.error('usage: node bench/ingest-stream.mjs [--events=N] [--batch=N] [--clients=N]');
  process.exit(2);
}

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'meshplane.js');
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

function cli(argv, cwd) {
  const run = spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`meshplane ${argv.join(' ')}: ${run.stdout}${run.stderr}`);
  return run.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer(workspace, port) {
  const child = spawn(process.execPath, [bin, 'serve', '--workspace', workspace, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 60_000;
  while (!output.includes('Meshplane serves')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`meshplane serve did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => output };
}

/** Meshplane: every batch posted and acknowledged; wall time from the first post to the last answer. */
async function meshplane(url, bodies) {
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

const root = mkdtempSync(path.join(tmpdir(), 'meshplane-bench-stream-'));
let server;
try {
  const workspace = path.join(root, 'mesh');
  cli(['init', workspace], root);
  cli(['new', 'bench/orders', '--template', 'events'], workspace);
  const product = path.join(workspace, 'domains/bench/orders');
  // Without a transform, a run of the product has nothing to do: the measure is the port alone.
  const contract = path.join(product, 'orders.odcs.yaml');
  const text = readFileSync(contract, 'utf8');
  const transform = /\n {2}- property: meshplane\.transform\n( {4}.*\n)+?(?= {2}- property)/;
  if (!transform.test(text))
    throw new Error("the events template's output contract has no meshplane.transform");
  writeFileSync(contract, text.replace(transform, '\n'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = await startServer(workspace, port);
  cli(['deploy', product, '--server', base], workspace);

  const rows = Array.from({ length: events }, (_, i) => row(i));
  const bodies = [];
  for (let i = 0; i < events; i += batch)
    bodies.push(
      `${rows
        .slice(i, i + batch)
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
  const url = `${base}/api/v1/products/bench.orders/ports/orders_events/events`;
  const mp = await meshplane(url, bodies);
  const ref = await reference(rows, path.join(root, 'reference.duckdb'));

  const perSec = (ms) => Math.round((events / ms) * 1000);
  console.log(
    `bench/ingest-stream: ${events} events, NDJSON batches of ${batch}, ${clients} concurrent clients, ${availableParallelism()} cores`,
  );
  for (const [name, ms] of [
    ['reference: DuckDB appender', ref],
    ['meshplane http-push (acked)', mp],
  ])
    console.log(
      `  ${name.padEnd(30)} ${ms.toFixed(1).padStart(9)} ms  ${String(perSec(ms)).padStart(9)} events/s`,
    );
  console.log(`  ratio meshplane / reference: ${(ref / mp).toFixed(2)}x throughput`);
  console.log(`  target: 100000 events/s on 2 cores; measured ${perSec(mp)} events/s`);
} finally {
  if (server !== undefined && server.child.exitCode === null) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
}
