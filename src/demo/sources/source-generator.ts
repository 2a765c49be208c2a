import type { RowValues } from '../row-values.js';
import type { ShopWorld } from '../shop-world.js';

/** One row and the file it belongs in: the file's stem, which the contract's path glob completes. */
export interface SourceRow {
  readonly file: string;
  readonly values: RowValues;
}

/**
 * Makes the rows of one source system's files. Rows come grouped by file, files in the order they
 * would have been written, and the same world always gives the same rows.
 */
export interface SourceGenerator {
  /** The table of the input contracts it fills: the schema object's physical name. */
  readonly table: string;
  /**
   * Properties that identify a row or point at another source's rows. Bad rows never touch them,
   * so a quarantined row is still traceable and references stay whole.
   */
  readonly keys: readonly string[];
  rows(world: ShopWorld): Iterable<SourceRow>;
}
