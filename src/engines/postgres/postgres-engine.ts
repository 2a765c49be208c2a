import type { EngineCapabilities } from '../engine.js';
import type { PostgresConfig } from './postgres-config.js';
import { type PostgresConnectOptions, PostgresDriver } from './postgres-driver.js';

/** What the PostgreSQL adapter offers Meshplane today: a source read in consistent snapshots. */
export const POSTGRES_CAPABILITIES: EngineCapabilities = Object.freeze({
  supportsTransactions: true,
  singleDatabaseWritesPerTransaction: false,
  supportsStreaming: true,
  supportsCancel: true,
  supportsAttach: false,
  supportsUpsert: true,
  supportsSqlParser: false,
  supportsFileScan: false,
  supportsAggregatePushdown: false,
});

export interface PostgresEngine {
  readonly name: 'postgres';
  readonly capabilities: EngineCapabilities;
  readonly config: PostgresConfig;
  /** Opens one connection (see PostgresDriver). */
  connect(options?: PostgresConnectOptions): Promise<PostgresDriver>;
}

/** The PostgreSQL engine for a validated config (`parsePostgresUrl`, `postgresConfigFromServer`). */
export function createPostgresEngine(config: PostgresConfig): PostgresEngine {
  return Object.freeze({
    name: 'postgres' as const,
    capabilities: POSTGRES_CAPABILITIES,
    config,
    connect: (options: PostgresConnectOptions = {}) => PostgresDriver.connect(config, options),
  });
}
