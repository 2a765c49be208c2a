/**
 * Where a PostgreSQL server is and how to sign in: parsed from a `postgres://` URL (the CLI) or
 * from an ODCS `servers` entry and its `meshplane.port` object (a contract), validated once and
 * frozen. A password in a contract is only ever a reference to an environment variable, read at
 * connect time; no message built here contains a password.
 */
import { MeshplaneError } from '../../errors/index.js';

/**
 * Where the password comes from: an environment variable (contracts) or a URL given on the
 * command line. A literal password is not enumerable, so logging or serializing a config never
 * shows it.
 */
export type PostgresPassword = { readonly env: string } | { readonly value: string };

/** TLS: none, encrypted without checking the certificate, or encrypted and verified. */
export type PostgresSslMode = 'disable' | 'require' | 'verify-full';

export interface PostgresConfig {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** The schema tables are read from (server entry `schema`); undefined when not said. */
  readonly schema: string | undefined;
  /** Undefined lets the driver pick its default (`PGUSER`, else the OS user). */
  readonly user: string | undefined;
  readonly password: PostgresPassword | undefined;
  readonly ssl: PostgresSslMode;
  readonly connectTimeoutMs: number;
}

export const POSTGRES_DEFAULT_PORT = 5432;
const CONNECT_TIMEOUT_MS = 10_000;
const SSL_MODES: Readonly<Record<string, PostgresSslMode>> = {
  disable: 'disable',
  allow: 'disable',
  prefer: 'disable',
  require: 'require',
  'verify-ca': 'verify-full',
  'verify-full': 'verify-full',
};
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fail(message: string): never {
  throw new MeshplaneError('INVALID_INPUT', `postgres: ${message}`);
}

/** The URL with its password replaced by `***`, safe to show. */
export function redactPostgresUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)[^@/]*@/i, '$1***@');
}

/** `host:port/database`: how messages name a server. */
export function postgresTarget(config: Pick<PostgresConfig, 'host' | 'port' | 'database'>): string {
  return `${config.host}:${config.port}/${config.database}`;
}

function literalPassword(value: string): PostgresPassword {
  const password = {};
  Object.defineProperty(password, 'value', { value, enumerable: false });
  return Object.freeze(password) as PostgresPassword;
}

function sslMode(value: unknown): PostgresSslMode {
  if (value === undefined) return 'disable';
  const mode = typeof value === 'string' ? SSL_MODES[value] : undefined;
  if (mode === undefined)
    fail(`sslmode ${JSON.stringify(value)} is not one of ${Object.keys(SSL_MODES).join(', ')}`);
  return mode;
}

function portNumber(value: unknown): number {
  if (value === undefined || value === '') return POSTGRES_DEFAULT_PORT;
  const port = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`port ${JSON.stringify(value)} is not a TCP port`);
  }
  return port;
}

/**
 * Reads `postgres://user:password@host:port/database?sslmode=require` (or `postgresql://`).
 * INVALID_INPUT, with the password redacted, when it is not one.
 */
export function parsePostgresUrl(url: string): PostgresConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    fail('not a valid postgres:// URL');
  }
  const shown = redactPostgresUrl(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    fail(`${shown} is not a postgres:// URL`);
  }
  const host = decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1');
  if (host === '') fail(`${shown} names no host`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/'))
    fail(`${shown} names no database (postgres://host:port/database)`);
  for (const key of parsed.searchParams.keys()) {
    if (key !== 'sslmode') fail(`${shown}: unknown parameter '${key}' (only sslmode is read)`);
  }
  const password = decodeURIComponent(parsed.password);
  return Object.freeze({
    host,
    port: portNumber(parsed.port),
    database,
    schema: undefined,
    user: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
    password: password === '' ? undefined : literalPassword(password),
    ssl: sslMode(parsed.searchParams.get('sslmode') ?? undefined),
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
}

function text(value: unknown, key: string, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(`${where}: ${key} must be a non-empty string`);
  return value;
}

/** `{ env: NAME }`, the only way a contract may give a password. */
function passwordReference(value: unknown, where: string): PostgresPassword | undefined {
  if (value === undefined) return undefined;
  const env =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>).env : undefined;
  if (typeof env !== 'string' || !ENV_NAME.test(env) || Object.keys(value as object).length !== 1) {
    fail(
      `${where}: password must be { env: NAME }, the environment variable that holds it, never the secret`,
    );
  }
  return Object.freeze({ env });
}

/**
 * The config of an ODCS `postgres` server entry (`host`, `port`, `database`, `schema`) and its
 * `meshplane.port` object (`user`, `password: { env: NAME }`, `sslmode`).
 */
export function postgresConfigFromServer(
  server: Readonly<Record<string, unknown>>,
  port: Readonly<Record<string, unknown>> = {},
): PostgresConfig {
  const where = 'server entry';
  const host = text(server.host, 'host', where);
  const database = text(server.database, 'database', where);
  if (host === undefined) fail(`${where}: host is required`);
  if (database === undefined) fail(`${where}: database is required`);
  return Object.freeze({
    host,
    port: portNumber(server.port),
    database,
    schema: text(server.schema, 'schema', where),
    user: text(port.user, 'user', 'meshplane.port'),
    password: passwordReference(port.password, 'meshplane.port'),
    ssl: sslMode(port.sslmode),
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
}

/**
 * The password to sign in with, read now: the environment variable's value, or the URL's.
 * INVALID_INPUT naming the variable when it is not set.
 */
export function resolvePostgresPassword(
  config: PostgresConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const password = config.password;
  if (password === undefined) return undefined;
  if ('env' in password) {
    const value = env[password.env];
    if (value === undefined) {
      throw new MeshplaneError(
        'INVALID_INPUT',
        `postgres ${postgresTarget(config)}: the environment variable ${password.env} (the password) is not set`,
      );
    }
    return value;
  }
  return password.value;
}
