/** How far a publisher has published a port's changes (`_meshplane.publish_cursors`). */
import { type DuckDBDriver, qualifiedName } from '../../engines/duckdb/index.js';
import { PUBLISH_CURSORS_TABLE, productAlias, SYSTEM_SCHEMA } from '../../runtime/storage-layout.js';

const table = (productId: string) =>
  qualifiedName(productAlias(productId), SYSTEM_SCHEMA, PUBLISH_CURSORS_TABLE);

/** The last offset of `port` published to `target` (0: nothing yet). */
export async function publishCursor(
  hub: DuckDBDriver,
  productId: string,
  port: string,
  target: string,
): Promise<number> {
  const [row] = await hub.query(
    `SELECT "cursor" FROM ${table(productId)} WHERE "port" = $1 AND "target" = $2`,
    {
      params: [port, target],
    },
  );
  return Number(row?.cursor ?? 0);
}

/** Records that everything of `port` up to `offset` is published to `target`. */
export async function savePublishCursor(
  hub: DuckDBDriver,
  productId: string,
  port: string,
  target: string,
  offset: number,
  at: Date = new Date(),
): Promise<void> {
  await hub.run(
    `INSERT OR REPLACE INTO ${table(productId)} ("port", "target", "cursor", "at")
     VALUES ($1, $2, $3, make_timestamp(CAST($4 AS BIGINT)))`,
    { params: [port, target, BigInt(offset), BigInt(at.getTime()) * 1000n] },
  );
}
