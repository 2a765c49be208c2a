import { MeshplaneError } from '../errors/index.js';
import type { SourceEngine } from './column-type.js';
import { PASSWORD_ENV, type SourceConnection } from './source-connection.js';

const SCHEMES: Readonly<Record<SourceEngine, readonly string[]>> = {
  postgres: ['postgres:', 'postgresql:'],
  mysql: ['mysql:', 'mariadb:'],
};
const DEFAULT_PORT: Readonly<Record<SourceEngine, number>> = { postgres: 5432, mysql: 3306 };

/** A connection URL read for import: the facts to record, and whether it carried a password. */
export interface ParsedConnectionUrl {
  readonly connection: SourceConnection;
  /** True when the URL held a password: it is used to connect, and never written or printed. */
  readonly hadPassword: boolean;
}

/**
 * Reads `postgres://user:secret@host:5432/db` (or `mysql://`, `mariadb://`). The password is not
 * kept: the connection names the engine's password variable instead, when the URL had one.
 * `schema` is the PostgreSQL schema to record; for MySQL the database is the schema. Error
 * messages never repeat the URL, which may hold the secret. Pure.
 */
export function parseConnectionUrl(url: string, engine: SourceEngine, schema?: string): ParsedConnectionUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `the ${engine} connection URL does not parse (expected ${SCHEMES[engine][0]}//user@host:port/database)`,
    );
  }
  if (!SCHEMES[engine].includes(parsed.protocol)) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `a ${engine} connection URL starts with ${SCHEMES[engine].join('// or ')}//`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (parsed.hostname === '' || database === '') {
    throw new MeshplaneError('INVALID_INPUT', `the ${engine} connection URL names no host or no database`);
  }
  const port = parsed.port === '' ? DEFAULT_PORT[engine] : Number(parsed.port);
  const user = decodeURIComponent(parsed.username);
  const hadPassword = parsed.password !== '';
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    connection: {
      engine,
      host,
      port,
      database,
      ...(schema === undefined ? {} : { schema }),
      ...(user === '' ? {} : { user }),
      ...(hadPassword ? { passwordEnv: PASSWORD_ENV[engine] } : {}),
    },
    hadPassword,
  };
}

/** The URL with its password removed, for messages and suggested commands. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(connection URL)';
  }
}

/** `text` with every occurrence of the URL's password (raw or percent-decoded) replaced by `***`. */
export function withoutPassword(text: string, url: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    return text.replaceAll(url, '(connection URL)');
  }
  if (password === '') return text;
  const decoded = decodeURIComponent(password);
  return text.replaceAll(url, redactUrl(url)).replaceAll(password, '***').replaceAll(decoded, '***');
}
