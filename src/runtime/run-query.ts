import type { DuckDBDriver } from '../engines/duckdb/index.js';
import type { Row, RowStream } from '../engines/engine.js';
import { MeshplaneError } from '../errors/index.js';
import { checkSelect } from './check-select.js';
import type { MeshNames, MeshTarget } from './mesh-names.js';

export interface QueryOptions {
  /** Most rows returned (default 10,000); the stream stops there and says so in `truncated()`. */
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

export interface QueryStream extends RowStream {
  /** The output ports the query reads. */
  readonly targets: readonly MeshTarget[];
  /** True once the limit cut the result short. */
  truncated(): boolean;
}

async function* limited(
  inner: RowStream,
  limit: number,
  onTruncate: () => void,
): AsyncGenerator<readonly Row[]> {
  let left = limit;
  try {
    for await (const rows of inner) {
      if (rows.length === 0) continue;
      if (left === 0 || rows.length > left) {
        if (left > 0) yield rows.slice(0, left);
        onTruncate();
        return;
      }
      left -= rows.length;
      yield rows;
    }
  } finally {
    await inner.close();
  }
}

/**
 * Runs a consumer's SQL over the mesh: checked by `checkSelect` (one SELECT, mesh views only),
 * then streamed from the hub, at most `limit` rows, cancelled through `signal`.
 */
export async function runQuery(
  hub: DuckDBDriver,
  names: MeshNames,
  sql: string,
  options: QueryOptions = {},
): Promise<QueryStream> {
  const limit = options.limit ?? 10_000;
  if (!Number.isInteger(limit) || limit < 0)
    throw new MeshplaneError('INVALID_INPUT', 'limit must be a whole number');
  const checked = await hub.withSession((session) => checkSelect(session, sql, names));
  const inner = await hub.stream(sql, options.signal === undefined ? {} : { signal: options.signal });
  let truncated = false;
  return {
    columns: inner.columns,
    targets: checked.targets,
    truncated: () => truncated,
    close: () => inner.close(),
    [Symbol.asyncIterator]: () =>
      limited(inner, limit, () => {
        truncated = true;
      }),
  };
}
