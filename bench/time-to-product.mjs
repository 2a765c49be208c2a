// bench/time-to-product: the wall time a domain team waits from `meshplane new` of a batch product,
// in a fresh `meshplane init` workspace, through `meshplane serve` and `meshplane deploy`, to the
// first `meshplane query` that returns rows (target: under 60 s). Every step is the built CLI as a
// child process, as a user runs it. Reference, measured in the same run: the start of a bare
// `node -e ''` and of `meshplane --version`, so the share of the total that is CLI start-up shows.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/meshplane.js', import.meta.url));
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const starts = Number(args.get('starts') ?? 5);
const TARGET_MS = 60_000;
const QUERY = 'select * from sales.orders limit 5';

/** Runs a command to its end; resolves with its exit code, output and wall time. */
function run(command, argv, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

const meshplane = (argv, cwd) => run(process.execPath, [bin, ...argv], cwd);

async function ok(step, argv, cwd) {
  const result = await meshplane(argv, cwd);
  if (result.code !== 0) throw new Error(`${step} exited ${result.code}:\n${result.stdout}${result.stderr}`);
  return result;
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

/** Starts `meshplane serve`; resolves once it says it listens (or rejects when it exits first). */
function startServer(workspace, port, cwd) {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--workspace', workspace, '--port', String(port)], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (d) => {
      output += d;
      if (output.includes('Meshplane serves')) resolve(performance.now() - started);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`meshplane serve exited ${code}:\n${output}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { ready, stop, output: () => output };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startupTimes(command, argv, expect) {
  const times = [];
  for (let i = 0; i < starts; i++) {
    const result = await run(command, argv, process.cwd());
    if (result.code !== 0 || !expect(result.stdout))
      throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
    times.push(result.ms);
  }
  return median(times);
}

const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-bench-ttp-'));
let server;
try {
  // The reference first: the cost of starting Node, and of starting the CLI doing nothing.
  const nodeStart = await startupTimes(process.execPath, ['-e', ''], () => true);
  const cliStart = await startupTimes(process.execPath, [bin, '--version'], (out) =>
    /\d+\.\d+\.\d+/.test(out),
  );

  const workspace = path.join(dir, 'mesh');
  const productDir = path.join(workspace, 'domains/sales/orders');
  const init = await ok('meshplane init', ['init', workspace], dir);

  const phases = [];
  const t0 = performance.now();
  const created = await ok('meshplane new', ['new', 'sales/orders', '--template', 'batch'], workspace);
  phases.push(['meshplane new sales/orders --template batch', created.ms]);

  let started = performance.now();
  mkdirSync(path.join(productDir, 'data/orders'), { recursive: true });
  copyFileSync(
    path.join(productDir, 'tests/input/orders_files.csv'),
    path.join(productDir, 'data/orders/orders_files.csv'),
  );
  phases.push(["copy the template's sample CSV into data/orders/", performance.now() - started]);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = startServer(workspace, port, dir);
  phases.push(['meshplane serve (until it listens)', await server.ready]);

  const deployed = await ok('meshplane deploy', ['deploy', productDir, '--server', url], workspace);
  if (!deployed.stdout.includes('deployed sales.orders')) throw new Error(`deploy said:\n${deployed.stdout}`);
  phases.push(['meshplane deploy (validate, provision, build)', deployed.ms]);

  // The first query that returns rows: the build may run before the sample settles, so poll.
  started = performance.now();
  let attempts = 0;
  let rows = [];
  while (rows.length === 0) {
    if (performance.now() - t0 > TARGET_MS) throw new Error(`no rows from ${QUERY} within ${TARGET_MS} ms`);
    if (attempts > 0) await new Promise((r) => setTimeout(r, 200));
    attempts++;
    const query = await meshplane(['query', QUERY, '--server', url, '--format', 'json'], workspace);
    if (query.code === 0) rows = JSON.parse(query.stdout).rows;
  }
  phases.push([
    `meshplane query (first rows: ${rows.length}, ${attempts} attempt(s))`,
    performance.now() - started,
  ]);
  const total = performance.now() - t0;

  const code = await server.stop();
  server = undefined;
  if (code !== 0) throw new Error(`meshplane serve stopped with exit code ${code}`);

  const cliRuns = 3 + attempts; // new, serve, deploy, and each query
  const line = (name, ms, note = '') =>
    console.log(`  ${name.padEnd(52)} ${ms.toFixed(0).padStart(7)} ms${note}`);
  console.log(
    `bench/time-to-product: batch template, new -> serve -> deploy -> first query, ${availableParallelism()} cores`,
  );
  line('setup: meshplane init (not counted)', init.ms);
  for (const [name, ms] of phases) line(name, ms);
  line(
    'total, new to first rows',
    total,
    `  (target < ${TARGET_MS / 1000} s: ${total < TARGET_MS ? 'met' : 'NOT met'})`,
  );
  line(`reference: node -e '' (median of ${starts})`, nodeStart);
  line(`reference: meshplane --version (median of ${starts})`, cliStart);
  console.log(
    `  CLI start-up share: ${cliRuns} meshplane starts x ${cliStart.toFixed(0)} ms = ` +
      `${(cliRuns * cliStart).toFixed(0)} ms, ${((cliRuns * cliStart * 100) / total).toFixed(0)}% of the total ` +
      `(of which Node itself ${((cliRuns * nodeStart * 100) / total).toFixed(0)}%)`,
  );
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}
