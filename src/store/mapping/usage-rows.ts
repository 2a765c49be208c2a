/** Pure mapping between port usage rows and usage. */
import type { Insertable, Selectable } from 'kysely';
import type { PortUsage, PortUsageInput } from '../model/usage-model.js';
import type { PortUsageTable } from '../schema/control-database.js';

/**
 * Reads as rows to upsert: one row per (product, port, major, consumer), with a read per entry,
 * the rows summed and the earliest and latest times. Merging here matters: one INSERT may not
 * touch the same key twice on PostgreSQL. Rows come sorted by key, so concurrent batches lock
 * keys in one order and cannot deadlock each other.
 */
export function usageRowsFromEntries(entries: readonly PortUsageInput[]): Insertable<PortUsageTable>[] {
  const byKey = new Map<string, Insertable<PortUsageTable> & { reads: number; rows: number }>();
  for (const e of entries) {
    const at = e.at.toISOString();
    const key = JSON.stringify([e.productId, e.port, e.major, e.consumer]);
    const row = byKey.get(key);
    if (row === undefined) {
      byKey.set(key, {
        product_id: e.productId,
        port: e.port,
        major: e.major,
        consumer: e.consumer,
        reads: 1,
        rows: e.rows,
        first_read_at: at,
        last_read_at: at,
      });
    } else {
      row.reads += 1;
      row.rows += e.rows;
      if (at < row.first_read_at) row.first_read_at = at;
      if (at > row.last_read_at) row.last_read_at = at;
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** A usage row as usage; BIGINT counts read as numbers. */
export function portUsageFromRow(row: Selectable<PortUsageTable>): PortUsage {
  return {
    productId: row.product_id,
    port: row.port,
    major: Number(row.major),
    consumer: row.consumer,
    reads: Number(row.reads),
    rows: Number(row.rows),
    firstReadAt: row.first_read_at,
    lastReadAt: row.last_read_at,
  };
}
