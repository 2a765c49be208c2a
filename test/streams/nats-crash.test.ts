/**
 * Exactly once under SIGKILL: a publisher process publishes 100k orders to a JetStream stream while
 * a consumer process (the compiled runtime and nats port) is killed at random moments for 10
 * rounds; a last consumer then catches up. Every published order is in `input.orders` exactly
 * once, and the consumer has nothing left unacknowledged.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, openMesh, removeWorkspace } from '../runtime/support/workspace.js';
import {
  NATS_URL,
  type NatsAdmin,
  natsAdmin,
  natsMesh,
  natsReady,
  natsUnavailable,
  uniqueName,
  until,
} from './nats-support.js';

const ready = natsReady('nats crash', await natsUnavailable());

const TOTAL = 100_000;
const ROUNDS = 10;
const CONSUMER = 'meshplane_sales_orders_orders';
const REPO = fileURLToPath(new URL('../../', import.meta.url));

const CONSUMER_CHILD = `
import { loadMesh, MeshRuntime } from './out/runtime/index.js';
import { natsSourceFactory } from './out/ports/nats/index.js';
const root = process.argv[2];
const mesh = await loadMesh(root);
const runtime = await MeshRuntime.open({ workspace: root, settleMs: 0 });
await runtime.deploy(mesh.products);
const product = mesh.products[0];
const port = product.inputs.find((p) => p.name === 'orders');
const controller = new AbortController();
process.on('SIGTERM', () => controller.abort());
let ready = false;
await natsSourceFactory(port, product).run({
  productId: product.id,
  port: port.name,
  sink: runtime.streamSink(product.id, port.name),
  signal: controller.signal,
  report: (s) => {
    if (!ready && (s.state === 'running' || s.state === 'lagging')) {
      ready = true;
      process.stdout.write('ready\\n');
    }
    if (s.state === 'failed') process.stderr.write('failed: ' + s.reason + '\\n');
  },
  log: () => undefined,
});
await runtime.close();
process.stdout.write('done\\n');
`;

const PUBLISHER_CHILD = `
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
const [url, subject, total] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const nc = await connect({ servers: url });
const js = jetstream(nc);
// Paced so the consumer is killed while messages still arrive.
for (let i = 0; i < total; i += 1000) {
  const chunk = Array.from({ length: Math.min(1000, total - i) }, (_, j) =>
    js.publish(subject, JSON.stringify({ order_id: 'o' + (i + j + 1), amount: i + j + 1 })),
  );
  await Promise.all(chunk);
  await new Promise((resolve) => setTimeout(resolve, 60));
}
await nc.drain();
process.stdout.write('published\\n');
`;

/** Compiles the runtime and the nats port to plain ESM (node cannot run TypeScript). */
function compile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-nats-build-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: path.join(REPO, 'tsconfig.json'),
      compilerOptions: {
        noEmit: false,
        outDir: path.join(dir, 'out'),
        rootDir: path.join(REPO, 'src'),
        sourceMap: false,
      },
      files: [path.join(REPO, 'src/runtime/index.ts'), path.join(REPO, 'src/ports/nats/index.ts')],
      include: [],
    }),
  );
  // --noCheck: type errors are the typecheck step's business; this only needs the JavaScript.
  execFileSync(
    process.execPath,
    [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', dir, '--noCheck'],
    {
      stdio: 'pipe',
    },
  );
  writeFileSync(path.join(dir, 'consumer.mjs'), CONSUMER_CHILD);
  writeFileSync(path.join(dir, 'publisher.mjs'), PUBLISHER_CHILD);
  return dir;
}

interface Child {
  readonly child: ChildProcess;
  /** Resolves when the child prints `line`; rejects if it exits first. */
  readonly said: (line: string) => Promise<void>;
  readonly exit: Promise<number | null>;
  readonly stderr: () => string;
}

function start(build: string, script: string, args: readonly string[]): Child {
  const child = spawn(process.execPath, [path.join(build, script), ...args], {
    cwd: build,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const said = async (line: string) => {
    let exited = false;
    void exit.then(() => {
      exited = true;
    });
    await until(
      () => {
        if (stdout.includes(`${line}\n`)) return true;
        if (exited) throw new Error(`${script} exited before '${line}': ${stderr}`);
        return false;
      },
      60_000,
      `${script} to say ${line}`,
    );
  };
  return { child, said, exit, stderr: () => stderr };
}

describe.skipIf(!ready)('nats port survives SIGKILL (JetStream at 127.0.0.1:4222)', () => {
  let build: string;
  let admin: NatsAdmin;
  let root: string;
  const stream = uniqueName('NATS_CRASH');

  beforeAll(async () => {
    build = compile();
    admin = await natsAdmin();
    await admin.stream(stream);
    root = makeWorkspace(natsMesh(stream));
  }, 120_000);

  afterAll(async () => {
    await admin?.close();
    if (build !== undefined) rmSync(build, { recursive: true, force: true });
    if (root !== undefined) removeWorkspace(root);
  });

  it(`stores ${TOTAL} published orders exactly once across ${ROUNDS} kills of the consumer`, async () => {
    const publisher = start(build, 'publisher.mjs', [NATS_URL, `${stream}.created`, String(TOTAL)]);
    const ackedAtKill: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const consumer = start(build, 'consumer.mjs', [root]);
      await consumer.said('ready');
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(Math.random() * 900)));
      consumer.child.kill('SIGKILL');
      await consumer.exit;
      ackedAtKill.push((await admin.jsm.consumers.info(stream, CONSUMER)).ack_floor.stream_seq);
    }
    await publisher.said('published');
    expect(await publisher.exit).toBe(0);

    const last = start(build, 'consumer.mjs', [root]);
    await last.said('ready');
    await until(
      async () => {
        const state = await admin.jsm.consumers.info(stream, CONSUMER);
        return state.num_pending === 0 && state.num_ack_pending === 0;
      },
      120_000,
      'the consumer to catch up',
    );
    last.child.kill('SIGTERM');
    expect(await last.exit).toBe(0);
    expect(last.stderr()).toBe('');

    console.log(`ack floor after each kill: ${ackedAtKill.join(', ')}`);
    // The kills fell while orders were still coming, not all after the end.
    expect(ackedAtKill.filter((n) => n < TOTAL).length).toBeGreaterThan(ROUNDS / 2);

    const mesh = await openMesh(root);
    try {
      const [row] = await mesh.runtime.hub.query(
        `SELECT count(*)::INT AS n, count(DISTINCT order_id)::INT AS ids, min(amount)::INT AS lo, max(amount)::INT AS hi
         FROM p_sales_orders.input.orders`,
      );
      expect(row).toEqual({ n: TOTAL, ids: TOTAL, lo: 1, hi: TOTAL });
      expect(await mesh.runtime.quarantineCounts('sales.orders')).toEqual(new Map());
    } finally {
      await mesh.runtime.close();
    }
  }, 600_000);
});
