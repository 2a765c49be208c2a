/**
 * The port's logical replication slot: looked up and measured on an ordinary connection, created
 * on a replication connection with an exported snapshot so the initial read of the table and the
 * stream of changes meet exactly at the slot's consistent point.
 */
import type { Client } from 'pg';
import type { PostgresConfig } from '../../engines/postgres/index.js';
import {
  type PostgresDriver,
  postgresTarget,
  quoteIdentifier,
  toPostgresError,
} from '../../engines/postgres/index.js';
import { MeshplaneError } from '../../errors/index.js';
import { parseLsn } from './lsn.js';
import { replicationClient } from './replication-connection.js';

export interface SlotState {
  readonly plugin: string;
  readonly database: string;
  /** Where the slot's consumer confirmed it has stored changes up to. */
  readonly confirmedFlush: bigint | undefined;
}

/** The slot, or undefined when there is none by that name. */
export async function findSlot(driver: PostgresDriver, slot: string): Promise<SlotState | undefined> {
  const rows = await driver.query(
    'SELECT plugin, database, confirmed_flush_lsn::text AS flush FROM pg_replication_slots WHERE slot_name = $1',
    [slot],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const flush = row.flush;
  return {
    plugin: String(row.plugin),
    database: String(row.database),
    confirmedFlush: typeof flush === 'string' ? parseLsn(flush) : undefined,
  };
}

/** Bytes of WAL the slot is behind the server (`pg_current_wal_lsn() - confirmed_flush_lsn`); undefined when the slot is gone. */
export async function slotLag(driver: PostgresDriver, slot: string): Promise<number | undefined> {
  const rows = await driver.query(
    `SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::text AS lag
       FROM pg_replication_slots WHERE slot_name = $1`,
    [slot],
  );
  const lag = rows[0]?.lag;
  return lag === undefined ? undefined : Math.max(0, Number(lag));
}

export interface CreatedSlot {
  /** Transactions that committed before this LSN are in the snapshot; the stream starts here. */
  readonly consistentPoint: bigint;
  /** `SET TRANSACTION SNAPSHOT` takes it while this slot's connection stays open. */
  readonly snapshotName: string;
  /** Ends the replication connection, and with it the exported snapshot. */
  close(): Promise<void>;
}

/**
 * `CREATE_REPLICATION_SLOT <slot> LOGICAL pgoutput EXPORT_SNAPSHOT` on a replication connection,
 * which stays open (and the snapshot usable) until `close()`.
 */
export async function createSlotWithSnapshot(
  config: PostgresConfig,
  slot: string,
  env?: Readonly<Record<string, string | undefined>>,
): Promise<CreatedSlot> {
  const target = postgresTarget(config);
  const { config: clientConfig, secrets } = replicationClient(config, env);
  const { Client: PgClient } = await import('pg');
  const client: Client = new PgClient({ ...clientConfig, replication: 'database' } as typeof clientConfig);
  client.on('error', () => {});
  try {
    await client.connect();
    const result = await client.query(
      `CREATE_REPLICATION_SLOT ${quoteIdentifier(slot)} LOGICAL pgoutput EXPORT_SNAPSHOT`,
    );
    const row = result.rows[0] as { consistent_point?: string; snapshot_name?: string } | undefined;
    if (typeof row?.consistent_point !== 'string' || typeof row.snapshot_name !== 'string') {
      throw new MeshplaneError(
        'ENGINE_ERROR',
        `postgres ${target}: CREATE_REPLICATION_SLOT returned no snapshot`,
      );
    }
    return {
      consistentPoint: parseLsn(row.consistent_point),
      snapshotName: row.snapshot_name,
      close: () => client.end().catch(() => undefined),
    };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw toPostgresError(error, target, secrets);
  }
}
