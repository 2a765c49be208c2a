/**
 * What every engine adapter offers, whatever its name. Code above the engines branches on these
 * readonly capability flags, never on an engine's name (STYLE.md).
 */
export interface EngineCapabilities {
  /** BEGIN / COMMIT / ROLLBACK on one connection, atomic on disk. */
  readonly supportsTransactions: boolean;
  /** A transaction may write to only one attached database (DuckDB); callers split their work. */
  readonly singleDatabaseWritesPerTransaction: boolean;
  /** Results can be read chunk by chunk instead of all at once. */
  readonly supportsStreaming: boolean;
  /** A running statement can be interrupted from another task (AbortSignal). */
  readonly supportsCancel: boolean;
  /** Other database files can be attached under a catalog alias and queried together. */
  readonly supportsAttach: boolean;
  /** `INSERT OR REPLACE` / `ON CONFLICT` upserts by primary key. */
  readonly supportsUpsert: boolean;
  /** The engine parses SQL into an inspectable tree (DuckDB: `json_serialize_sql`). */
  readonly supportsSqlParser: boolean;
  /** The engine reads CSV, JSON and Parquet files itself, in bulk. */
  readonly supportsFileScan: boolean;
  readonly supportsAggregatePushdown: boolean;
}

/** A value as it leaves an engine: JSON-safe (64-bit integers and decimals arrive as strings). */
export type SqlValue = null | boolean | number | string | SqlValue[] | { [key: string]: SqlValue };

export type Row = Readonly<Record<string, SqlValue>>;

/** Name and engine type of a result column. */
export interface ResultColumn {
  readonly name: string;
  readonly type: string;
}

/** Rows read in chunks; iterate once. `close()` releases the result early. */
export interface RowStream extends AsyncIterable<readonly Row[]> {
  readonly columns: readonly ResultColumn[];
  close(): Promise<void>;
}

/** Options shared by every statement an engine runs. */
export interface StatementOptions {
  /** Aborting interrupts the running statement; it then fails with ENGINE_ERROR (cancelled). */
  readonly signal?: AbortSignal;
}
