/**
 * Where a PostgreSQL server is and how to sign in: parsed from a `postgres://` URL (the CLI) or
 * from an ODCS `servers` entry and its `meshplane.port` object (a contract), validated once and
 * frozen. A password in a contract is only ever a reference to an environment variable, read at
 * connect time; no message built here contains a password.
 */
import {
  literalPassword,
  type PasswordSource,
  passwordReference,
  redactUrl,
  resolvePassword,
  type SettingFailure,
  settingFailure,
  settingText,
  tcpPort,
} from '../connection-settings.js';

/** Where the password comes from (see connection-settings.ts). */
export type PostgresPassword = PasswordSource;

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

const fail: SettingFailure = settingFailure('postgres');

/** The URL with its password replaced by `***`, safe to show. */
export function redactPostgresUrl(url: string): string {
  return redactUrl(url);
}

/** `host:port/database`: how messages name a server. */
export function postgresTarget(config: Pick<PostgresConfig, 'host' | 'port' | 'database'>): string {
  return `${config.host}:${config.port}/${config.database}`;
}

function sslMode(value: unknown): PostgresSslMode {
  if (value === undefined) return 'disable';
  const mode = typeof value === 'string' ? SSL_MODES[value] : undefined;
  if (mode === undefined)
    fail(`sslmode ${JSON.stringify(value)} is not one of ${Object.keys(SSL_MODES).join(', ')}`);
  return mode;
}

function portNumber(value: unknown): number {
  return tcpPort(value, POSTGRES_DEFAULT_PORT, fail);
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
  return settingText(value, key, where, fail);
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
    password: passwordReference(port.password, 'meshplane.port', fail),
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
  return resolvePassword(config.password, `postgres ${postgresTarget(config)}`, env);
}
