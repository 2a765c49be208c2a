import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin } from './cli.js';
import { sleep } from './crash-chaos.js';
import { freePort } from './server-process.js';

/** A `meshplane` child process whose output is kept, and whose exit can be awaited. */
export interface MeshplaneChild {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
  stdout(): string;
  /** Resolves true once `pattern` shows in stdout, false when the process exits or time runs out first. */
  waitForStdout(pattern: RegExp, timeoutMs: number): Promise<boolean>;
}

/**
 * Owns what a crash test creates: temporary folders and child processes. `cleanup()` SIGKILLs
 * every child still alive and removes every folder, also after a failure.
 */
export class CrashLab {
  readonly #dirs: string[] = [];
  readonly #children = new Set<ChildProcess>();

  tempDir(prefix: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), `meshplane-${prefix}-`));
    this.#dirs.push(dir);
    return dir;
  }

  /** Starts `meshplane ARGS` (the built CLI) without waiting for it. */
  spawn(args: readonly string[], cwd: string): MeshplaneChild {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#children.add(child);
    let output = '';
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code) => {
        this.#children.delete(child);
        resolve(code);
      });
    });
    let done = false;
    void exited.then(() => {
      done = true;
    });
    return {
      child,
      exited,
      output: () => output,
      stdout: () => stdout,
      waitForStdout: async (pattern, timeoutMs) => {
        const deadline = Date.now() + timeoutMs;
        while (!pattern.test(stdout)) {
          if (done || Date.now() > deadline) return pattern.test(stdout);
          await sleep(5);
        }
        return true;
      },
    };
  }

  async cleanup(): Promise<void> {
    const alive = [...this.#children];
    for (const child of alive) child.kill('SIGKILL');
    await Promise.all(
      alive.map((c) => (c.exitCode === null && c.signalCode === null ? once(c) : Promise.resolve())),
    );
    for (const dir of this.#dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

const once = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** SIGKILLs a child and waits until it is gone (so its files and port are free). */
export async function killHard(target: MeshplaneChild): Promise<void> {
  if (target.child.exitCode !== null || target.child.signalCode !== null) return;
  target.child.kill('SIGKILL');
  await target.exited;
}

/**
 * `meshplane serve --workspace W --port P` (SQLite control store), restarted on the same port
 * as often as a test likes. The output of every generation is kept for failure messages.
 */
export class ChaosServer {
  readonly url: string;
  readonly #lab: CrashLab;
  readonly #workspace: string;
  readonly #port: number;
  readonly #past: string[] = [];
  #current: MeshplaneChild | undefined;
  /** When the current generation was ready (ISO-8601, comparable with the store's timestamps). */
  readyAt = '';

  private constructor(lab: CrashLab, workspace: string, port: number) {
    this.#lab = lab;
    this.#workspace = workspace;
    this.#port = port;
    this.url = `http://127.0.0.1:${port}`;
  }

  static async create(lab: CrashLab, workspace: string): Promise<ChaosServer> {
    return new ChaosServer(lab, workspace, await freePort());
  }

  /** Starts the server and resolves once it listens (after it restored and repaired, as it does before listening). */
  async start(timeoutMs = 90_000): Promise<void> {
    if (this.#current !== undefined) throw new Error('the server is running already');
    const server = this.#lab.spawn(
      ['serve', '--workspace', this.#workspace, '--port', String(this.#port)],
      path.dirname(this.#workspace),
    );
    this.#current = server;
    if (!(await server.waitForStdout(/Meshplane serves/, timeoutMs))) {
      await killHard(server);
      this.#retire();
      throw new Error(
        `meshplane serve did not start (generation ${this.#past.length}):\n${this.#past.at(-1)}`,
      );
    }
    this.readyAt = new Date().toISOString();
  }

  /** SIGKILL: no shutdown hook runs, exactly like a crash or an OOM kill. */
  async kill(): Promise<void> {
    if (this.#current === undefined) return;
    await killHard(this.#current);
    this.#retire();
  }

  /** SIGTERM, the clean way; resolves with the exit code. */
  async stop(): Promise<number | null> {
    const server = this.#current;
    if (server === undefined) return null;
    server.child.kill('SIGTERM');
    const code = await Promise.race([server.exited, sleep(15_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') await killHard(server);
    this.#retire();
    if (code === 'timeout') throw new Error('meshplane serve did not stop within 15 s of SIGTERM');
    return code;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** The current generation's output so far. */
  output(): string {
    return this.#current?.output() ?? '';
  }

  /** The last lines of the server's output in its last few generations, for a failure message. */
  history(generations = 3, linesEach = 15): string {
    const all = [...this.#past, ...(this.#current ? [this.#current.output()] : [])];
    return all
      .map(
        (o, i) => `--- server generation ${i + 1}\n${o.trimEnd().split('\n').slice(-linesEach).join('\n')}`,
      )
      .slice(-generations)
      .join('\n');
  }

  #retire(): void {
    if (this.#current !== undefined) this.#past.push(this.#current.output());
    this.#current = undefined;
  }

  /** GET or POST a JSON endpoint of the API; throws with the body on a non-2xx answer. */
  async api<T>(route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/api/v1${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${body === undefined ? 'GET' : 'POST'} ${route}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** One SELECT through the query API; every value as a string (BIGINT and HUGEINT come as strings). */
  async query(sql: string): Promise<Record<string, string | null>[]> {
    const result = await this.api<{ rows: Record<string, unknown>[] }>('/query', { sql, limit: 100_000 });
    return result.rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)])),
    );
  }
}
