// What the benches that time a served workspace share: the built CLI as a child process, a free
// loopback port, `meshplane serve` started and waited for, and stopped with SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'meshplane.js');

/** Runs `meshplane ARGV` in `cwd`; its stdout, or an error carrying its output. */
export function cli(argv, cwd) {
  const run = spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`meshplane ${argv.join(' ')}: ${run.stdout}${run.stderr}`);
  return run.stdout;
}

/** A loopback TCP port free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `meshplane serve` on `workspace` and `port`, resolved once it listens (60 s at most). */
export async function startServer(workspace, port) {
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

/** Stops a server `startServer` started (if it still runs) and waits for it to exit. */
export async function stopServer(server) {
  if (server === undefined || server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
}
