/**
 * The `pg` client settings of a replication connection (`replication: 'database'`) to the port's
 * server, built from the same config and password reference the postgres engine uses. The session
 * prints values the way the engine's sessions do (UTC, ISO dates), so streamed timestamps are the
 * same exact text a snapshot reads.
 */
import type { ClientConfig } from 'pg';
import { type PostgresConfig, resolvePostgresPassword } from '../../engines/postgres/index.js';

export interface ReplicationClient {
  readonly config: ClientConfig;
  /** What error messages must not contain. */
  readonly secrets: readonly string[];
}

const SESSION_OPTIONS =
  '-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=postgres -c extra_float_digits=1';

/** Reads the password now (INVALID_INPUT naming the variable when it is unset). */
export function replicationClient(
  config: PostgresConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ReplicationClient {
  const password = resolvePostgresPassword(config, env);
  const client: ClientConfig = {
    host: config.host,
    port: config.port,
    database: config.database,
    ssl: config.ssl === 'disable' ? false : { rejectUnauthorized: config.ssl === 'verify-full' },
    connectionTimeoutMillis: config.connectTimeoutMs,
    application_name: 'meshplane-cdc',
    options: SESSION_OPTIONS,
    ...(config.user === undefined ? {} : { user: config.user }),
    ...(password === undefined ? {} : { password }),
  };
  return { config: client, secrets: password === undefined ? [] : [password] };
}
