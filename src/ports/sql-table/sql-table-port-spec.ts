/**
 * A `sql-table` input port's settings: which server (the contract's `postgres` or `mysql` server
 * entry), which table (`meshplane.port.table`, else the schema object's physicalName), how to sign
 * in (`user`, `password: { env: NAME }`), and how the snapshot is read. Pure.
 */
import type { ColumnSpec } from '../../engines/column-spec.js';
import { type MariadbConfig, mariadbConfigFromServer } from '../../engines/mariadb/index.js';
import { type PostgresConfig, postgresConfigFromServer } from '../../engines/postgres/index.js';
import { MeshplaneError } from '../../errors/index.js';
import { primaryKey } from '../../runtime/contract-columns.js';
import type { StoredInputPort } from '../../runtime/runtime-product.js';

interface SqlTableCommon {
  readonly port: string;
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  /** The contract's primary key: the snapshot is read in its order, so positions are stable. */
  readonly orderBy: readonly string[];
  /** Rows fetched per batch; memory holds about one batch. */
  readonly batchRows: number;
  /** Where the rows come from, for quarantine and messages: `postgres://host:port/db/schema.table`. */
  readonly location: string;
}

export type SqlTablePortSpec =
  | (SqlTableCommon & {
      readonly engine: 'postgres';
      readonly schema: string;
      readonly connection: PostgresConfig;
    })
  | (SqlTableCommon & {
      readonly engine: 'mariadb';
      readonly connection: MariadbConfig & { database: string };
    });

const ENGINES: Readonly<Record<string, SqlTablePortSpec['engine']>> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  mysql: 'mariadb',
  mariadb: 'mariadb',
};
export const DEFAULT_BATCH_ROWS = 10_000;
const MAX_BATCH_ROWS = 1_000_000;

function invalid(port: string, message: string): MeshplaneError {
  return new MeshplaneError('INVALID_INPUT', `input port ${port}: ${message}`);
}

function batchRows(value: unknown, port: string): number {
  if (value === undefined) return DEFAULT_BATCH_ROWS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_BATCH_ROWS) {
    throw invalid(port, `batchRows must be a whole number from 1 to ${MAX_BATCH_ROWS}`);
  }
  return value;
}

/** Reads the port's server entry and `meshplane.port` settings; INVALID_INPUT naming the port when wrong. */
export function sqlTablePortSpec(input: StoredInputPort): SqlTablePortSpec {
  const port = input.name;
  const engine = ENGINES[input.server.type.toLowerCase()];
  if (engine === undefined) {
    throw invalid(
      port,
      `a sql-table port reads a postgres or mysql server, not ${JSON.stringify(input.server.type)}`,
    );
  }
  const s = input.settings;
  if (s.watermark !== undefined) {
    throw invalid(port, 'meshplane.port watermark is not supported yet: each run reads the whole table');
  }
  const table = s.table ?? input.schema.physicalName;
  if (typeof table !== 'string' || table.trim() === '')
    throw invalid(port, 'meshplane.port table must name the table');
  const wrap = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof MeshplaneError)) throw error;
      throw invalid(port, error.message);
    }
  };
  const common = {
    port,
    table,
    columns: input.columns,
    orderBy: primaryKey(input.schema),
    batchRows: batchRows(s.batchRows, port),
  };
  if (engine === 'postgres') {
    const connection = wrap(() => postgresConfigFromServer(input.server.settings, s));
    const schema = connection.schema ?? 'public';
    const { host, port: tcp, database } = connection;
    return {
      ...common,
      engine,
      schema,
      connection,
      location: `postgres://${host}:${tcp}/${database}/${schema}.${table}`,
    };
  }
  const connection = wrap(() => mariadbConfigFromServer(input.server.settings, s)) as MariadbConfig & {
    database: string;
  };
  const { host, port: tcp, database } = connection;
  return { ...common, engine, connection, location: `mysql://${host}:${tcp}/${database}/${table}` };
}
