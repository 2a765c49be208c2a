import type { SourceEngine } from './column-type.js';

/**
 * Where imported tables live, as the `source` servers entry of each input contract records it.
 * Never holds a secret: a password is only ever the name of the environment variable that holds it.
 */
export interface SourceConnection {
  readonly engine: SourceEngine;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** The PostgreSQL schema; MySQL and MariaDB have none (their database is the schema). */
  readonly schema?: string;
  readonly user?: string;
  /** The environment variable the runtime reads the password from (PGPASSWORD, MYSQL_PWD). */
  readonly passwordEnv?: string;
}

/** The variable each engine's own client reads a password from. */
export const PASSWORD_ENV: Readonly<Record<SourceEngine, string>> = {
  postgres: 'PGPASSWORD',
  mysql: 'MYSQL_PWD',
};

/** `postgres://app@db.internal:5432/shop`: the connection as a person reads it, without a password. */
export function describeConnection(connection: SourceConnection): string {
  const scheme = connection.engine === 'postgres' ? 'postgres' : 'mysql';
  const user = connection.user === undefined ? '' : `${encodeURIComponent(connection.user)}@`;
  const host = connection.host.includes(':') ? `[${connection.host}]` : connection.host;
  return `${scheme}://${user}${host}:${connection.port}/${encodeURIComponent(connection.database)}`;
}
