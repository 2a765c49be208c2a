import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { bin } from './cli.js';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code and how long the stop took. */
  stop(): Promise<{ code: number | null; ms: number }>;
}

/** Starts `meshplane ARGS` and waits until `ready(output)` holds (or the process dies or time runs out). */
export async function startCli(
  args: readonly string[],
  options: { cwd: string; url: string; ready: (output: string) => boolean; timeoutMs?: number },
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!options.ready(output)) {
    if (child.exitCode !== null)
      throw new Error(`meshplane ${args.join(' ')} exited ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`meshplane ${args.join(' ')} was not ready in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: options.url,
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        const started = Date.now();
        if (child.exitCode !== null) {
          resolve({ code: child.exitCode, ms: 0 });
          return;
        }
        child.once('exit', (code) => resolve({ code, ms: Date.now() - started }));
        child.kill('SIGTERM');
      }),
  };
}
