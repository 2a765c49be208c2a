import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DuckDBDriver, DuckDBSession } from '../../engines/duckdb/index.js';
import { MeshplaneError } from '../../errors/index.js';
import type { StreamPortSpec } from './stream-port-spec.js';
import { checkBatchBounds, repeatedKeys, stageRecords } from './stream-records.js';
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
import { pruneKeysSql, readOffsetSql, writeOffsetSql } from './stream-tables.js';
import type {
  StagedRecords,
  StreamBatch,
  StreamBatchResult,
  StreamCounts,
  StreamSink,
} from './stream-types.js';

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
  /** How often keys past the dedup window are pruned, in ms (default: once a minute). */
  readonly pruneEveryMs?: number;
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
  const target: StreamTarget = { alias, spec, defaultSource: options.defaultSource ?? `stream:${spec.port}` };
  let offset: { checkpoint: string | undefined; seq: number } | undefined;
  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  let prunedAt = Number.NEGATIVE_INFINITY;
  /** The prune of keys past the dedup window, when one is due with this commit. */
  const pruneDue = (nowMs: number): string[] => {
    if (spec.dedupWindowMs === undefined || nowMs - prunedAt < pruneEveryMs) return [];
    return [pruneKeysSql(alias, spec.port, (nowMs - spec.dedupWindowMs) * 1000)];
  };

  const readOffset = async (session: DuckDBSession) => {
    if (offset !== undefined) return offset;
    const [row] = await session.query(readOffsetSql(alias, spec.port));
    offset = {
      checkpoint: row?.checkpoint === null || row === undefined ? undefined : String(row.checkpoint),
      seq: Number(row?.seq ?? 0),
    };
    return offset;
  };

  /**
   * Stages the batch on `session` (its file read, cast and checked once): work that reads no
   * product table, so it runs outside the lock, beside the previous batch's commit.
   */
  const stage = async (
    session: DuckDBSession,
    chunks: readonly StagedRecords[],
    file: string,
    signal?: AbortSignal,
  ) => {
    const statement = signal === undefined ? {} : { signal };
    await writeFile(
      file,
      chunks.length === 1 ? (chunks[0] as StagedRecords).text : chunks.map((c) => c.text).join(''),
    );
    const [pre, found, view] = stageStreamSql(
      target,
      streamReaderSql(file, spec.columns),
      repeatedKeys(chunks),
    );
    await session.run(pre as string, statement);
    return [found, view].join(';\n');
  };

  /** Under the lock: the duplicates against the stored keys, then ONE transaction. */
  const store = async (
    session: DuckDBSession,
    batch: StreamBatch,
    dedup: string | undefined,
    signal?: AbortSignal,
  ) => {
    const statement = signal === undefined ? {} : { signal };
    const previous = await readOffset(session);
    const seq = previous.seq + 1;
    const nowMs = now();
    const atUs = nowMs * 1000;
    let groups: GroupRow[] = [];
    if (dedup !== undefined) {
      await session.run(dedup, statement);
      groups = (await session.query(stageCountsSql(), statement)) as unknown as GroupRow[];
    }
    const sum = totals(groups);
    // One round trip: BEGIN, the writes, COMMIT. DuckDB stops at the first failing statement,
    // and the ROLLBACK below undoes what ran before it.
    const writes = [
      ...(sum.accepted - sum.merged > 0 ? [insertAcceptedSql(target, seq)] : []),
      ...(sum.merged > 0 ? mergeAcceptedSql(target, seq) : []),
      ...(sum.quarantined > 0 ? [insertQuarantinedSql(target, atUs)] : []),
      ...(sum.accepted + sum.quarantined > 0 ? [insertKeysSql(target, atUs)] : []),
      writeOffsetSql(alias, spec.port, batch.checkpoint, seq, atUs),
    ];
    const prune = pruneDue(nowMs);
    try {
      await session.run(['BEGIN TRANSACTION', ...writes, ...prune, 'COMMIT'].join(';\n'), statement);
      if (prune.length > 0) prunedAt = nowMs;
    } catch (error) {
      await session.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    offset = { checkpoint: batch.checkpoint ?? previous.checkpoint, seq };
    const result: StreamBatchResult = {
      ...countsOf(sum),
      groups: new Map(groups.map((g) => [g.grp, countsOf(g)])),
      ...(offset.checkpoint === undefined ? {} : { checkpoint: offset.checkpoint }),
    };
    options.onCommit?.(seq, result);
    return result;
  };

  const write = (batch: StreamBatch, signal?: AbortSignal) =>
    hub.withSession(async (session) => {
      const chunks = batchChunks(batch, spec);
      const count = chunks.reduce((n, c) => n + c.count, 0);
      checkBatchBounds(chunks, spec);
      const file = path.join(options.tempDir ?? tmpdir(), `meshplane-stream-${randomUUID()}.ndjson`);
      try {
        const dedup = count === 0 ? undefined : await stage(session, chunks, file, signal);
        return await serialize(() =>
          store(session, batch, dedup, signal).catch((error: unknown) => {
            // What the file holds is the truth after a failed commit: read it again next time.
            offset = undefined;
            throw error;
          }),
        );
      } finally {
        if (count > 0) {
          await session.run(dropStageSql().join(';\n')).catch(() => undefined);
          await rm(file, { force: true });
        }
      }
    });

  return {
    write,
    stage: (records, firstIdx) => stageRecords(records, spec, firstIdx),
    checkpoint: () =>
      serialize(() => hub.withSession(async (session) => (await readOffset(session)).checkpoint)),
  };
}

function batchChunks(batch: StreamBatch, spec: StreamPortSpec): StagedRecords[] {
  const chunks = batch.records.length > 0 ? [stageRecords(batch.records, spec, 0)] : [];
  let next = batch.records.length;
  for (const chunk of batch.staged ?? []) {
    if (chunk.count === 0) continue;
    if (chunk.first < next) {
      throw new MeshplaneError(
        'INTERNAL',
        `input port ${spec.port}: staged records from index ${chunk.first} overlap the batch's earlier ones (next free index ${next})`,
      );
    }
    chunks.push(chunk);
    next = chunk.first + chunk.count;
  }
  return chunks;
}

function countsOf(c: StreamCounts): StreamCounts {
  return { accepted: c.accepted, duplicates: c.duplicates, quarantined: c.quarantined };
}
