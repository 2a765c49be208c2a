/**
 * Where a MariaDB / MySQL server is and how to sign in: parsed from a `mysql://` or `mariadb://`
 * URL (the CLI) or from an ODCS `mysql` server entry and its `meshplane.port` object (a contract),
 * validated once and frozen. A password in a contract is only ever a reference to an environment
 * variable, read at connect time; no message built here contains a password.
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
export type MariadbPassword = PasswordSource;

/** TLS: none, encrypted without checking the certificate, or encrypted and verified. */
export type MariadbSslMode = 'disable' | 'require' | 'verify-full';

export interface MariadbConfig {
  readonly host: string;
  readonly port: number;
  /** The database (MySQL's schema) tables are read from; undefined when the URL names none. */
  readonly database: string | undefined;
  /** Undefined signs in as the driver's default user. */
  readonly user: string | undefined;
  readonly password: MariadbPassword | undefined;
  readonly ssl: MariadbSslMode;
  readonly connectTimeoutMs: number;
}

export const MARIADB_DEFAULT_PORT = 3306;
const CONNECT_TIMEOUT_MS = 10_000;
/** MySQL's `ssl-mode` names, and the libpq-style names for those who write them. */
const SSL_MODES: Readonly<Record<string, MariadbSslMode>> = {
  disabled: 'disable',
  preferred: 'disable',
  required: 'require',
  verify_ca: 'verify-full',
  verify_identity: 'verify-full',
  disable: 'disable',
  require: 'require',
  'verify-full': 'verify-full',
};

const fail: SettingFailure = settingFailure('mariadb');

/** The URL with its password replaced by `***`, safe to show. */
export function redactMariadbUrl(url: string): string {
  return redactUrl(url);
}

/** `host:port/database` (or `host:port`): how messages name a server. */
export function mariadbTarget(config: Pick<MariadbConfig, 'host' | 'port' | 'database'>): string {
  return `${config.host}:${config.port}${config.database === undefined ? '' : `/${config.database}`}`;
}

function sslMode(value: unknown): MariadbSslMode {
  if (value === undefined) return 'disable';
  const mode = typeof value === 'string' ? SSL_MODES[value.toLowerCase()] : undefined;
  if (mode === undefined)
    fail(`ssl-mode ${JSON.stringify(value)} is not one of ${Object.keys(SSL_MODES).join(', ')}`);
  return mode;
}

function portNumber(value: unknown): number {
  return tcpPort(value, MARIADB_DEFAULT_PORT, fail);
}

/**
 * Reads `mysql://user:password@host:port/database?ssl-mode=REQUIRED` (or `mariadb://`); the
 * database is optional. INVALID_INPUT, with the password redacted, when it is not one.
 */
export function parseMariadbUrl(url: string): MariadbConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    fail('not a valid mysql:// or mariadb:// URL');
  }
  const shown = redactMariadbUrl(url);
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    fail(`${shown} is not a mysql:// or mariadb:// URL`);
  }
  const host = decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1');
  if (host === '') fail(`${shown} names no host`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database.includes('/')) fail(`${shown}: the path must be one database name`);
  let ssl: string | undefined;
  for (const [key, value] of parsed.searchParams) {
    if (key !== 'ssl-mode' && key !== 'sslmode')
      fail(`${shown}: unknown parameter '${key}' (only ssl-mode is read)`);
    ssl = value;
  }
  const password = decodeURIComponent(parsed.password);
  return Object.freeze({
    host,
    port: portNumber(parsed.port),
    database: database === '' ? undefined : database,
    user: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
    password: password === '' ? undefined : literalPassword(password),
    ssl: sslMode(ssl),
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
}

function text(value: unknown, key: string, where: string): string | undefined {
  return settingText(value, key, where, fail);
}

/**
 * The config of an ODCS `mysql` server entry (`host`, `port`, `database`) and its
 * `meshplane.port` object (`user`, `password: { env: NAME }`, `ssl-mode`).
 */
export function mariadbConfigFromServer(
  server: Readonly<Record<string, unknown>>,
  port: Readonly<Record<string, unknown>> = {},
): MariadbConfig {
  const where = 'server entry';
  const host = text(server.host, 'host', where);
  const database = text(server.database, 'database', where);
  if (host === undefined) fail(`${where}: host is required`);
  if (database === undefined) fail(`${where}: database is required`);
  return Object.freeze({
    host,
    port: portNumber(server.port),
    database,
    user: text(port.user, 'user', 'meshplane.port'),
    password: passwordReference(port.password, 'meshplane.port', fail),
    ssl: sslMode(port['ssl-mode'] ?? port.sslmode),
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
}

/**
 * The password to sign in with, read now: the environment variable's value, or the URL's.
 * INVALID_INPUT naming the variable when it is not set.
 */
export function resolveMariadbPassword(
  config: MariadbConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  return resolvePassword(config.password, `mariadb ${mariadbTarget(config)}`, env);
}
