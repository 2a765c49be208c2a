/**
 * What every SQL server engine reads the same way from a URL or a contract's server entry: text
 * settings, TCP ports, and passwords, which a contract may only give as a reference to an
 * environment variable (`{ env: NAME }`). No message built here contains a password.
 */
import { MeshplaneError } from '../errors/index.js';

/**
 * Where a password comes from: an environment variable (contracts) or a URL given on the command
 * line. A literal password is not enumerable, so logging or serializing a config never shows it.
 */
export type PasswordSource = { readonly env: string } | { readonly value: string };

/** Raises INVALID_INPUT with the engine's prefix (`postgres: ...`). */
export type SettingFailure = (message: string) => never;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A `fail` that prefixes messages with the engine's name. */
export function settingFailure(engine: string): SettingFailure {
  return (message) => {
    throw new MeshplaneError('INVALID_INPUT', `${engine}: ${message}`);
  };
}

/** The URL with its password replaced by `***`, safe to show. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)[^@/]*@/i, '$1***@');
}

/** A password given literally (a URL on the command line), hidden from enumeration. */
export function literalPassword(value: string): PasswordSource {
  const password = {};
  Object.defineProperty(password, 'value', { value, enumerable: false });
  return Object.freeze(password) as PasswordSource;
}

/** A TCP port from a URL or a server entry; `fallback` when absent. */
export function tcpPort(value: unknown, fallback: number, fail: SettingFailure): number {
  if (value === undefined || value === '') return fallback;
  const port = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`port ${JSON.stringify(value)} is not a TCP port`);
  }
  return port;
}

/** An optional non-empty text setting. */
export function settingText(
  value: unknown,
  key: string,
  where: string,
  fail: SettingFailure,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(`${where}: ${key} must be a non-empty string`);
  return value;
}

/** `{ env: NAME }`, the only way a contract may give a password. */
export function passwordReference(
  value: unknown,
  where: string,
  fail: SettingFailure,
): PasswordSource | undefined {
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
 * The password to sign in with, read now: the environment variable's value, or the literal one.
 * INVALID_INPUT naming the variable (and `target`, never the secret) when it is not set.
 */
export function resolvePassword(
  password: PasswordSource | undefined,
  target: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (password === undefined) return undefined;
  if (!('env' in password)) return password.value;
  const value = env[password.env];
  if (value === undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${target}: the environment variable ${password.env} (the password) is not set`,
    );
  }
  return value;
}
