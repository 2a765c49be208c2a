/**
 * What must hold on the server before a postgres-cdc port can run, each with a message that says
 * how to fix it: `wal_level = logical`, a role with REPLICATION (or superuser) and SELECT on the
 * table, and a publication that includes the table (created when `createPublication: true`).
 */
import { type PostgresDriver, qualifiedName, quoteIdentifier } from '../../engines/postgres/index.js';
import { MeshplaneError } from '../../errors/index.js';
import type { PostgresCdcPortSpec } from './postgres-cdc-port-spec.js';

function failure(
  code: 'PRECONDITION_FAILED' | 'FORBIDDEN' | 'NOT_FOUND',
  spec: PostgresCdcPortSpec,
  message: string,
): MeshplaneError {
  return new MeshplaneError(
    code,
    `input port ${spec.port} (postgres ${spec.connection.host}:${spec.connection.port}/${spec.connection.database}): ${message}`,
  );
}

async function one(driver: PostgresDriver, sql: string, params: readonly unknown[] = []) {
  return (await driver.query(sql, params))[0];
}

/** Throws the first unmet precondition; creates the publication when asked and missing. */
export async function checkCdcSource(driver: PostgresDriver, spec: PostgresCdcPortSpec): Promise<void> {
  const table = qualifiedName(spec.schema, spec.table);
  const wal = await one(driver, 'SHOW wal_level');
  if (wal?.wal_level !== 'logical') {
    throw failure(
      'PRECONDITION_FAILED',
      spec,
      `wal_level is ${String(wal?.wal_level)}, change data capture needs logical: run ALTER SYSTEM SET wal_level = logical and restart PostgreSQL`,
    );
  }
  const role = await one(
    driver,
    'SELECT current_user AS name, rolreplication OR rolsuper AS replication FROM pg_roles WHERE rolname = current_user',
  );
  if (role?.replication !== true) {
    throw failure(
      'FORBIDDEN',
      spec,
      `role ${String(role?.name)} lacks the REPLICATION attribute: ALTER ROLE ${quoteIdentifier(String(role?.name))} REPLICATION`,
    );
  }
  const found = await one(driver, 'SELECT to_regclass($1)::oid::text AS oid', [table]);
  if (found?.oid === null || found?.oid === undefined) {
    throw failure('NOT_FOUND', spec, `table ${spec.schema}.${spec.table} does not exist`);
  }
  const select = await one(driver, "SELECT has_table_privilege($1::oid, 'SELECT') AS ok", [found.oid]);
  if (select?.ok !== true) {
    throw failure(
      'FORBIDDEN',
      spec,
      `role ${String(role.name)} lacks SELECT on ${spec.schema}.${spec.table}: GRANT SELECT ON ${table} TO ${quoteIdentifier(String(role.name))}`,
    );
  }
  const publication = await one(driver, 'SELECT 1 AS found FROM pg_publication WHERE pubname = $1', [
    spec.publication,
  ]);
  if (publication === undefined) {
    if (!spec.createPublication) {
      throw failure(
        'NOT_FOUND',
        spec,
        `publication ${spec.publication} does not exist: CREATE PUBLICATION ${quoteIdentifier(spec.publication)} FOR TABLE ${table}, or set createPublication: true`,
      );
    }
    await driver.query(
      `CREATE PUBLICATION ${quoteIdentifier(spec.publication)} FOR TABLE ${table} WITH (publish = 'insert, update, delete')`,
    );
  }
  const member = await one(
    driver,
    'SELECT 1 AS found FROM pg_publication_tables WHERE pubname = $1 AND schemaname = $2 AND tablename = $3',
    [spec.publication, spec.schema, spec.table],
  );
  if (member === undefined) {
    throw failure(
      'PRECONDITION_FAILED',
      spec,
      `publication ${spec.publication} does not include ${spec.schema}.${spec.table}: ALTER PUBLICATION ${quoteIdentifier(spec.publication)} ADD TABLE ${table}`,
    );
  }
}
