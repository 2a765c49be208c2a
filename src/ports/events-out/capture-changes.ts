/**
 * Change capture for a transform: called by `runTransform` inside its transaction, so the
 * changes commit with the write or not at all, and readers never see one without the other.
 * The same transaction applies the port's retention (`meshplane.events.retention`).
 */
import type { DuckDBSession } from '../../engines/duckdb/index.js';
import type { RuntimeOutputPort } from '../../runtime/runtime-product.js';
import { OUTPUT_SCHEMA } from '../../runtime/storage-layout.js';
import {
  afterCaptureSql,
  beforeWriteSql,
  type CaptureTarget,
  insertChangesSql,
  pruneChangesSql,
} from './change-capture-sql.js';
import { eventsSettings } from './events-settings.js';

/** The two halves of a capture around the transform's write. */
export interface ChangeCapture {
  /** Keeps what the write is about to change; run before the write. */
  before(tx: DuckDBSession, signal?: AbortSignal): Promise<void>;
  /** Logs the changes; run after the write. Returns how many were logged. */
  record(tx: DuckDBSession, signal?: AbortSignal): Promise<number>;
}

export interface CaptureOptions {
  /** The product's catalog alias in the hub. */
  readonly alias: string;
  /** The session temp table holding the transform's result. */
  readonly result: string;
  readonly runId: string;
  readonly now?: () => Date;
}

/** The capture for `port`, or undefined when its contract turns events off (`meshplane.events: false`). */
export function changeCapture(
  productId: string,
  port: RuntimeOutputPort,
  options: CaptureOptions,
): ChangeCapture | undefined {
  const settings = eventsSettings(productId, port);
  if (port.viewOf !== undefined || !settings.capture) return undefined;
  const target: CaptureTarget = {
    table: [options.alias, OUTPUT_SCHEMA, port.name],
    result: options.result,
    mode: port.refresh,
    primaryKey: port.primaryKey,
  };
  const now = options.now ?? (() => new Date());
  const statement = (signal?: AbortSignal) => (signal === undefined ? {} : { signal });
  return {
    async before(tx, signal) {
      for (const sql of beforeWriteSql(target)) await tx.run(sql, statement(signal));
    },
    async record(tx, signal) {
      const atUs = BigInt(now().getTime()) * 1000n;
      const logged = await tx.run(insertChangesSql(options.alias, target), {
        ...statement(signal),
        params: [port.name, options.runId, atUs],
      });
      await tx.run(afterCaptureSql(), statement(signal));
      if (settings.retentionMs !== undefined) {
        const cutoffUs = atUs - BigInt(settings.retentionMs) * 1000n;
        const published = settings.natsSubject !== undefined;
        for (const sql of pruneChangesSql(options.alias, published))
          await tx.run(sql, { ...statement(signal), params: [port.name, cutoffUs] });
      }
      return logged;
    },
  };
}
