import type { EngineCapabilities } from '../engine.js';
import type { MariadbConfig } from './mariadb-config.js';
import { type MariadbConnectOptions, MariadbDriver } from './mariadb-driver.js';

/** What the MariaDB / MySQL adapter offers Meshplane today: a source read in consistent snapshots. */
export const MARIADB_CAPABILITIES: EngineCapabilities = Object.freeze({
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

export interface MariadbEngine {
  readonly name: 'mariadb';
  readonly capabilities: EngineCapabilities;
  readonly config: MariadbConfig;
  /** Opens one connection (see MariadbDriver). */
  connect(options?: MariadbConnectOptions): Promise<MariadbDriver>;
}

/** The MariaDB engine for a validated config (`parseMariadbUrl`, `mariadbConfigFromServer`). */
export function createMariadbEngine(config: MariadbConfig): MariadbEngine {
  return Object.freeze({
    name: 'mariadb' as const,
    capabilities: MARIADB_CAPABILITIES,
    config,
    connect: (options: MariadbConnectOptions = {}) => MariadbDriver.connect(config, options),
  });
}
