/**
 * A private PostgreSQL server for tests that need settings the shared one lacks (`wal_level =
 * logical` for change data capture): the Debian binaries (`/usr/lib/postgresql/<version>/bin`)
 * run `initdb` in a temporary folder and `pg_ctl` starts the server on a free port, with trust
 * sign-in for `postgres` on 127.0.0.1 only. The server runs as the current user, or as `postgres`
 * (through `runuser`) when the tests run as root, because PostgreSQL refuses to run as root.
 * `stop()` stops it by its pid and removes the folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const ROOT = '/usr/lib/postgresql';

export interface PrivatePostgres {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly dataDir: string;
  /** Runs statements as the superuser, each on its own, and returns their results. */
  admin(...statements: readonly string[]): Promise<pg.QueryResult[]>;
  /** Stops the server (SIGINT to its pid, then SIGKILL) and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

export interface PrivatePostgresOptions {
  /** `logical` (default) for logical replication, or `replica` to test what happens without it. */
  readonly walLevel?: 'logical' | 'replica';
}

/** The newest installed server's `bin` folder, or undefined. */
function binaries(): string | undefined {
  if (!existsSync(ROOT)) return undefined;
  const versions = readdirSync(ROOT)
    .filter(
      (v) =>
        existsSync(path.join(ROOT, v, 'bin', 'initdb')) && existsSync(path.join(ROOT, v, 'bin', 'pg_ctl')),
    )
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(ROOT, versions[0], 'bin');
}

/** Why a private server cannot be started here, or undefined when it can. */
export function privatePostgresUnavailable(): string | undefined {
  if (binaries() === undefined) return `no PostgreSQL server binaries (initdb, pg_ctl) under ${ROOT}`;
  if (process.getuid?.() === 0 && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) {
    return 'running as root without runuser to start PostgreSQL as another user';
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Runs a server binary as the current user, or as `postgres` when we are root. */
async function asServerUser(binary: string, args: readonly string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, [...args]];
  await run(file, argv, { timeout: 60_000 });
}

async function admin(config: pg.ClientConfig, statements: readonly string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const sql of statements) results.push(await client.query(sql));
    return results;
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopPid(pid: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown: disconnects clients, no waiting for them
  const deadline = Date.now() + 15_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/** Starts a private server; throws when it cannot (check `privatePostgresUnavailable()` first). */
export async function startPrivatePostgres(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const bin = binaries();
  if (bin === undefined) throw new Error(privatePostgresUnavailable());
  const dir = await mkdtemp(path.join(tmpdir(), 'meshplane-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const dataDir = path.join(dir, 'data');
  let pid: number | undefined;
  const stop = async () => {
    if (pid !== undefined) await stopPid(pid);
    pid = undefined;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await asServerUser(path.join(bin, 'initdb'), [
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
      `-c wal_level=${options.walLevel ?? 'logical'}`,
      '-c max_replication_slots=20',
      '-c max_wal_senders=20',
      '-c fsync=off',
      '-c wal_sender_timeout=60s',
    ].join(' ');
    await asServerUser(path.join(bin, 'pg_ctl'), [
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
    pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const config = { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' };
    return {
      ...config,
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      dataDir,
      admin: (...statements) => admin(config, statements),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
