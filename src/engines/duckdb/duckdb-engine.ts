import type { EngineCapabilities } from '../engine.js';
import { DEFAULT_DUCKDB_CONFIG, type DuckDBConfig } from './duckdb-config.js';
import { DuckDBDriver } from './duckdb-driver.js';

/** What DuckDB 1.5 offers Meshplane. */
export const DUCKDB_CAPABILITIES: EngineCapabilities = Object.freeze({
  supportsTransactions: true,
  singleDatabaseWritesPerTransaction: true,
  supportsStreaming: true,
  supportsCancel: true,
  supportsAttach: true,
  supportsUpsert: true,
  supportsSqlParser: true,
  supportsFileScan: true,
  supportsAggregatePushdown: true,
});

export interface DuckDBEngine {
  readonly name: 'duckdb';
  readonly capabilities: EngineCapabilities;
  readonly config: DuckDBConfig;
  /** Starts a hub: one in-memory instance that product files are attached to. */
  open(): Promise<DuckDBDriver>;
}

/** The DuckDB engine with a validated config (see `parseDuckDBConfig`). */
export function createDuckDBEngine(config: DuckDBConfig = DEFAULT_DUCKDB_CONFIG): DuckDBEngine {
  return Object.freeze({
    name: 'duckdb' as const,
    capabilities: DUCKDB_CAPABILITIES,
    config,
    open: () => DuckDBDriver.open(config),
  });
}
