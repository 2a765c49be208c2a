import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DuckDBDriver, DuckDBSession } from '../../engines/duckdb/index.js';
import type { StreamPortSpec } from './stream-port-spec.js';
import { stageText } from './stream-records.js';
import {
  dropStageSql,
  insertAcceptedSql,
  insertKeysSql,
  insertQuarantinedSql,
  mergeAcceptedSql,
  type StreamTarget,
  stageCountsSql,
  stageStreamSql,
  streamReaderSql,
} from './stream-statements.js';
import { readOffsetSql, writeOffsetSql } from './stream-tables.js';
import type { StreamBatch, StreamBatchResult, StreamCounts, StreamSink } from './stream-types.js';

export interface StreamSinkOptions {
  /**
   * Runs `fn` serialized with every other write to the product (the runtime's per-product lock):
   * the stage's duplicate check and the commit must see no other writer in between.
   */
  readonly serialize?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Called after each COMMIT with the port's new commit sequence. */
  readonly onCommit?: (seq: number, result: StreamBatchResult) => void;
  /** Where batch files are staged (default: the OS temporary folder). */
  readonly tempDir?: string;
  /** The clock, in milliseconds (tests pin it). */
  readonly now?: () => number;
  /** `source` of quarantine rows for records that do not name theirs. */
  readonly defaultSource?: string;
}

interface GroupRow {
  readonly grp: number;
  readonly duplicates: number;
  readonly accepted: number;
  readonly merged: number;
  readonly quarantined: number;
}

function totals(rows: readonly GroupRow[]): StreamCounts & { readonly merged: number } {
  const sum = (pick: (r: GroupRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    accepted: sum((r) => r.accepted),
    duplicates: sum((r) => r.duplicates),
    quarantined: sum((r) => r.quarantined),
    merged: sum((r) => r.merged),
  };
}

/**
 * The sink of one streamed input port: each batch is stored in ONE DuckDB transaction (accepted
 * rows into `input.<port>`, rejected ones into quarantine with the reason and source, the
 * records' keys and the checkpoint beside them) and `write` resolves only after COMMIT, so an
 * acknowledged record is stored exactly once and a crash before COMMIT stores none of the batch.
 * A record whose key the port stored before, or that repeats a key earlier in its batch, is a
 * duplicate: counted, not stored. A batch over the port's bounds is refused (INVALID_INPUT).
 * Expects the stream tables (`streamTablesSql`) to exist.
 */
export function createStreamSink(
  hub: DuckDBDriver,
  alias: string,
  spec: StreamPortSpec,
  options: StreamSinkOptions = {},
): StreamSink {
  const serialize = options.serialize ?? (<T>(fn: () => Promise<T>) => fn());
  const now = options.now ?? Date.now;
  const target: StreamTarget = { alias, spec };
  const defaultSource = options.defaultSource ?? `stream:${spec.port}`;
  let offset: { checkpoint: string | undefined; seq: number } | undefined;

  const readOffset = async (session: DuckDBSession) => {
    if (offset !== undefined) return offset;
    const [row] = await session.query(readOffsetSql(alias, spec.port));
    offset = {
      checkpoint: row?.checkpoint === null || row === undefined ? undefined : String(row.checkpoint),
      seq: Number(row?.seq ?? 0),
    };
    return offset;
  };

  const store = async (session: DuckDBSession, batch: StreamBatch, signal?: AbortSignal) => {
    const statement = signal === undefined ? {} : { signal };
    const staged = stageText(batch, spec, defaultSource);
    const previous = await readOffset(session);
    const seq = previous.seq + 1;
    const atUs = now() * 1000;
    let groups: GroupRow[] = [];
    const file = path.join(options.tempDir ?? tmpdir(), `meshplane-stream-${randomUUID()}.ndjson`);
    try {
      if (batch.records.length > 0) {
        await writeFile(file, staged.text);
        for (const sql of stageStreamSql(target, streamReaderSql(file, spec.columns)))
          await session.run(sql, statement);
        groups = (await session.query(stageCountsSql(), statement)) as unknown as GroupRow[];
      }
      const sum = totals(groups);
      await session.transaction(async (tx) => {
        if (sum.accepted - sum.merged > 0) await tx.run(insertAcceptedSql(target, seq), statement);
        if (sum.merged > 0) for (const sql of mergeAcceptedSql(target, seq)) await tx.run(sql, statement);
        if (sum.quarantined > 0) await tx.run(insertQuarantinedSql(target, atUs), statement);
        if (sum.accepted + sum.quarantined > 0) await tx.run(insertKeysSql(target), statement);
        await tx.run(writeOffsetSql(alias, spec.port, batch.checkpoint, seq, atUs), statement);
      }, statement);
    } finally {
      if (batch.records.length > 0) {
        for (const sql of dropStageSql()) await session.run(sql).catch(() => undefined);
        await rm(file, { force: true });
      }
    }
    offset = { checkpoint: batch.checkpoint ?? previous.checkpoint, seq };
    const result: StreamBatchResult = {
      ...countsOf(totals(groups)),
      groups: new Map(groups.map((g) => [g.grp, countsOf(g)])),
      ...(offset.checkpoint === undefined ? {} : { checkpoint: offset.checkpoint }),
    };
    options.onCommit?.(seq, result);
    return result;
  };

  return {
    write: (batch, signal) =>
      serialize(() =>
        hub
          .withSession((session) => store(session, batch, signal))
          .catch((error: unknown) => {
            // What the file holds is the truth after a failed commit: read it again next time.
            offset = undefined;
            throw error;
          }),
      ),
    checkpoint: () =>
      serialize(() => hub.withSession(async (session) => (await readOffset(session)).checkpoint)),
  };
}

function countsOf(c: StreamCounts): StreamCounts {
  return { accepted: c.accepted, duplicates: c.duplicates, quarantined: c.quarantined };
}
