/**
 * A `postgres-cdc` input port's settings: the contract's `postgres` server entry (host, port,
 * database, schema) and its `meshplane.port` object (`table`, `publication`, `createPublication`,
 * `slot`, `user`, `password: { env: NAME }`, `batchRows`). Pure.
 */
import type { ColumnSpec } from '../../engines/column-spec.js';
import { type PostgresConfig, postgresConfigFromServer } from '../../engines/postgres/index.js';
import { MeshplaneError } from '../../errors/index.js';
import { primaryKey } from '../../runtime/contract-columns.js';
import type { StoredInputPort } from '../../runtime/runtime-product.js';

export interface PostgresCdcPortSpec {
  readonly port: string;
  readonly connection: PostgresConfig;
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  /** The contract's primary key: what a delete carries and what upserts merge on. */
  readonly key: readonly string[];
  readonly publication: string;
  /** Create the publication (`FOR TABLE`, inserts, updates and deletes) when it is missing. */
  readonly createPublication: boolean;
  readonly slot: string;
  /** Records per sink batch at most, so memory holds about one batch also for a huge transaction. */
  readonly batchRows: number;
  /** `postgres://host:port/db/schema.table`, for record sources and messages. */
  readonly location: string;
}

export const DEFAULT_CDC_BATCH_ROWS = 5_000;
const MAX_BATCH_ROWS = 100_000;
/** PostgreSQL's rule for slot names. */
const SLOT_NAME = /^[a-z0-9_]{1,63}$/;
/** A plain identifier: pgoutput takes publication names inside a quoted option list. */
const PUBLICATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function invalid(port: string, message: string): MeshplaneError {
  return new MeshplaneError('INVALID_INPUT', `input port ${port}: ${message}`);
}

function name(value: unknown, key: string, rule: RegExp, what: string, port: string): string {
  if (typeof value !== 'string' || !rule.test(value)) {
    throw invalid(port, `meshplane.port ${key} must be ${what}, not ${JSON.stringify(value ?? null)}`);
  }
  return value;
}

/** Reads the port's server entry and settings; INVALID_INPUT naming the port when they are wrong. */
export function postgresCdcPortSpec(input: StoredInputPort): PostgresCdcPortSpec {
  const port = input.name;
  const type = input.server.type.toLowerCase();
  if (type !== 'postgres' && type !== 'postgresql') {
    throw invalid(
      port,
      `a postgres-cdc port reads a postgres server, not ${JSON.stringify(input.server.type)}`,
    );
  }
  const s = input.settings;
  const table = s.table ?? input.schema.physicalName;
  if (typeof table !== 'string' || table.trim() === '')
    throw invalid(port, 'meshplane.port table must name the table');
  const publication = name(
    s.publication,
    'publication',
    PUBLICATION_NAME,
    'a publication name (letters, digits, _)',
    port,
  );
  const slot = name(
    s.slot,
    'slot',
    SLOT_NAME,
    'a slot name (lower-case letters, digits, _; at most 63)',
    port,
  );
  if (s.createPublication !== undefined && typeof s.createPublication !== 'boolean') {
    throw invalid(port, 'meshplane.port createPublication must be true or false');
  }
  const batchRows = s.batchRows ?? DEFAULT_CDC_BATCH_ROWS;
  if (
    typeof batchRows !== 'number' ||
    !Number.isInteger(batchRows) ||
    batchRows < 1 ||
    batchRows > MAX_BATCH_ROWS
  ) {
    throw invalid(port, `meshplane.port batchRows must be a whole number from 1 to ${MAX_BATCH_ROWS}`);
  }
  const key = primaryKey(input.schema);
  if (key.length === 0) {
    throw invalid(
      port,
      'the contract needs a primary key: changes are merged by it and deletes carry only it',
    );
  }
  let connection: PostgresConfig;
  try {
    connection = postgresConfigFromServer(input.server.settings, s);
  } catch (error) {
    if (!(error instanceof MeshplaneError)) throw error;
    throw invalid(port, error.message);
  }
  const schema = connection.schema ?? 'public';
  return {
    port,
    connection,
    schema,
    table,
    columns: input.columns,
    key,
    publication,
    createPublication: s.createPublication === true,
    slot,
    batchRows,
    location: `postgres://${connection.host}:${connection.port}/${connection.database}/${schema}.${table}`,
  };
}
