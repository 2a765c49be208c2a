/** Options shared by the engine runners. */
export interface RunChecksOptions {
  /**
   * Where the table is, as name parts: `[catalog, schema, table]` on DuckDB (a product's output
   * is `['p_<product>', 'main', '<table>']`), `[schema, table]` on PostgreSQL. Default: the
   * schema object's physical name. SQL rules that name tables bare resolve in the table's schema.
   */
  readonly table?: readonly string[];
  /** Rows per failing-rule sample: 0 to 100 (larger asks get 100); default 10. */
  readonly sampleLimit?: number;
  /** Aborting cancels the running statement; the run then rejects with ENGINE_ERROR (cancelled). */
  readonly signal?: AbortSignal;
}
