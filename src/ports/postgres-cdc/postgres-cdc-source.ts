/**
 * The postgres-cdc input port as a long-running StreamSource: checks the server, creates the slot
 * and writes the initial snapshot on first start, then streams the table's changes (pgoutput) to
 * the sink, confirming each position to PostgreSQL only after the sink stored it. See CONTEXT.md.
 */
import type { LogicalReplicationService, Pgoutput } from 'pg-logical-replication';
import { PostgresDriver, postgresTarget, toPostgresError } from '../../engines/postgres/index.js';
import { MeshplaneError } from '../../errors/index.js';
import type { StreamRecord, StreamSource, StreamSourceContext } from '../stream/stream-types.js';
import { type CdcCheckpoint, formatCheckpoint, parseCheckpoint } from './cdc-checkpoint.js';
import { ChangeBatcher } from './change-batcher.js';
import { useExactParsers } from './change-records.js';
import { checkCdcSource } from './check-cdc-source.js';
import { formatLsn, parseLsn } from './lsn.js';
import { MessageQueue, type QueueItem } from './message-queue.js';
import type { PostgresCdcPortSpec } from './postgres-cdc-port-spec.js';
import { replicationClient } from './replication-connection.js';
import { createSlotWithSnapshot, findSlot, slotLag } from './replication-slot.js';
import { readTableSnapshot } from './table-snapshot.js';

export interface PostgresCdcSourceOptions {
  /** Where `password: { env: NAME }` is looked up (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How often the slot's lag is measured and reported (default 5 s). */
  readonly statusIntervalMs?: number;
  /** The longest a received change waits before it is written (default 100 ms). */
  readonly maxDelayMs?: number;
  /** Above this many bytes of WAL behind, the port reports `lagging` (default 64 MiB). */
  readonly lagWarnBytes?: number;
}

const HIGH_WATER = 20_000;
const STATUS_EVERY_MS = 10_000;

function slotLost(spec: PostgresCdcPortSpec, stored: CdcCheckpoint, running: boolean): MeshplaneError {
  return new MeshplaneError(
    'PRECONDITION_FAILED',
    `input port ${spec.port}: replication slot ${spec.slot} on postgres ${postgresTarget(spec.connection)} ` +
      `${running ? 'was dropped while the port ran' : 'is gone'}; the changes after ${formatLsn(stored.lsn)} are lost to it. ` +
      `Clear the port's input table and checkpoint to read the table afresh with a new slot`,
  );
}

/** The records of a snapshot batch: upserts of whole rows. */
function snapshotRecords(spec: PostgresCdcPortSpec, rows: readonly object[], offset: number): StreamRecord[] {
  return rows.map((value, i) => ({ op: 'upsert', value, source: `${spec.location}#${offset + i + 1}` }));
}

/**
 * Writes a snapshot: every batch but the last with checkpoint `snapshot@<lsn>`, the last (or an
 * empty batch, for an empty table) with `<lsn>`, so a restart knows whether it was complete.
 */
async function writeSnapshot(
  ctx: StreamSourceContext,
  driver: PostgresDriver,
  spec: PostgresCdcPortSpec,
  snapshotName: string | undefined,
  lsn: bigint,
): Promise<void> {
  let held: StreamRecord[] = [];
  let rows = 0;
  const pending = formatCheckpoint({ lsn, snapshotPending: true });
  for await (const batch of readTableSnapshot(driver, spec, snapshotName, ctx.signal)) {
    if (held.length > 0) await ctx.sink.write({ records: held, checkpoint: pending }, ctx.signal);
    held = snapshotRecords(spec, batch, rows);
    rows += batch.length;
  }
  await ctx.sink.write(
    { records: held, checkpoint: formatCheckpoint({ lsn, snapshotPending: false }) },
    ctx.signal,
  );
  ctx.log(
    `postgres-cdc ${spec.port}: snapshot of ${spec.schema}.${spec.table} written (${rows} rows, at ${formatLsn(lsn)})`,
  );
}

/** Where streaming starts, after writing the snapshot the port still lacks. */
async function prepare(
  ctx: StreamSourceContext,
  driver: PostgresDriver,
  spec: PostgresCdcPortSpec,
  env: Readonly<Record<string, string | undefined>> | undefined,
): Promise<bigint> {
  const stored = parseCheckpoint(await ctx.sink.checkpoint());
  const slot = await findSlot(driver, spec.slot);
  if (slot === undefined) {
    // A stored position without its slot: the WAL since then is gone, nothing can fill the gap.
    if (stored !== undefined) throw slotLost(spec, stored, false);
    const created = await createSlotWithSnapshot(spec.connection, spec.slot, env);
    try {
      await writeSnapshot(ctx, driver, spec, created.snapshotName, created.consistentPoint);
    } finally {
      await created.close();
    }
    return created.consistentPoint;
  }
  if (slot.plugin !== 'pgoutput' || slot.database !== spec.connection.database) {
    throw new MeshplaneError(
      'PRECONDITION_FAILED',
      `input port ${spec.port}: replication slot ${spec.slot} belongs to ${slot.plugin} on database ${slot.database}, not pgoutput on ${spec.connection.database}`,
    );
  }
  if (stored !== undefined && !stored.snapshotPending) {
    // PostgreSQL starts at the slot's confirmed position when that is further (keepalives confirm
    // past the last stored change); starting the count there keeps confirmations from going back.
    const flush = slot.confirmedFlush ?? 0n;
    return flush > stored.lsn ? flush : stored.lsn;
  }
  // The slot exists but the snapshot was not stored whole (a crash during it): read the table now
  // and stream from the slot's start; replaying the changes since then makes the copy converge.
  const from = stored?.lsn ?? slot.confirmedFlush ?? 0n;
  await writeSnapshot(ctx, driver, spec, undefined, from);
  return from;
}

/** The replication socket, paused while the consumer catches up (the library's flow control does the same). */
function pauseSocket(service: LogicalReplicationService, paused: boolean): void {
  const stream = (service as unknown as { _connection?: { stream?: { pause?(): void; resume?(): void } } })
    ._connection?.stream;
  if (paused) stream?.pause?.();
  else stream?.resume?.();
}

async function stream(
  ctx: StreamSourceContext,
  driver: PostgresDriver,
  spec: PostgresCdcPortSpec,
  from: bigint,
  options: PostgresCdcSourceOptions,
): Promise<void> {
  const { LogicalReplicationService, PgoutputPlugin } = await import('pg-logical-replication');
  const client = replicationClient(spec.connection, options.env);
  const target = postgresTarget(spec.connection);
  const service = new LogicalReplicationService(client.config, {
    acknowledge: { auto: false, timeoutSeconds: 0 },
    flowControl: { enabled: false },
  });
  const plugin = new PgoutputPlugin({ protoVersion: 1, publicationNames: [spec.publication] });
  const decode = plugin.parse.bind(plugin);
  plugin.parse = (buffer: Buffer) => {
    const message = decode(buffer) as Pgoutput.Message;
    if (message.tag === 'relation') useExactParsers(message);
    return message;
  };
  const queue = new MessageQueue(HIGH_WATER, (paused) => pauseSocket(service, paused));
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  const batcher = new ChangeBatcher({
    spec,
    sink: ctx.sink,
    from,
    signal: ctx.signal,
    // The library reports `lsn + 1` as flushed; PostgreSQL's subscribers report the commit end LSN itself.
    acknowledge: (flush) => void service.acknowledge(formatLsn(flush - 1n)).catch(() => undefined),
  });
  service.on('data', (_lsn: string, message: unknown) => queue.push({ kind: 'data', message }));
  // PostgreSQL ends a walsender that hears nothing for wal_sender_timeout; a long transaction or
  // a slow sink must not look like a dead client, so the confirmed position is repeated (never
  // the library's own periodic status, which would confirm what was merely received).
  const repeatStatus = () =>
    void service.acknowledge(formatLsn(batcher.confirmed - 1n)).catch(() => undefined);
  const keepalive = setInterval(repeatStatus, STATUS_EVERY_MS);
  service.on('heartbeat', (lsn: string, _time: number, reply: boolean) => {
    queue.push({ kind: 'keepalive', lsn });
    if (reply) repeatStatus();
  });
  service.on('error', (error: unknown) => queue.fail(error));
  const closed = service.subscribe(plugin, spec.slot, formatLsn(from)).then(
    () =>
      queue.fail(new MeshplaneError('UNAVAILABLE', `postgres ${target}: the replication connection closed`)),
    (error: unknown) => queue.fail(error),
  );

  const lagWarn = options.lagWarnBytes ?? 64 * 1024 * 1024;
  const status = (async () => {
    while (!signal.aborted) {
      // A failed measurement is not a failed port: the stream reports its own errors.
      const lag = await slotLag(driver, spec.slot).catch(() => null);
      if (lag === undefined) {
        queue.fail(slotLost(spec, { lsn: batcher.confirmed, snapshotPending: false }, true));
        return;
      }
      if (lag !== null)
        ctx.report(
          lag > lagWarn
            ? { state: 'lagging', reason: `${lag} bytes of WAL behind`, lag, lagUnit: 'bytes' }
            : { state: 'running', lag, lagUnit: 'bytes' },
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, options.statusIntervalMs ?? 5_000);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    }
  })();

  // A lost connection may be a dropped slot: say so rather than "connection terminated".
  // Dropping an active slot means ending its walsender first, so look twice, a moment apart.
  const connectionFailure = async (error: unknown): Promise<unknown> => {
    for (const wait of [0, 1_000]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      if ((await findSlot(driver, spec.slot).catch(() => null)) === undefined) {
        return slotLost(spec, { lsn: batcher.confirmed, snapshotPending: false }, true);
      }
    }
    return error instanceof MeshplaneError ? error : toPostgresError(error, target, client.secrets);
  };
  try {
    const maxDelay = options.maxDelayMs ?? 100;
    // When the oldest unwritten change arrived: a batch is written at most `maxDelay` after it,
    // so steady traffic does not hold changes back until `batchRows` of them wait.
    let oldest: number | undefined;
    while (!ctx.signal.aborted) {
      if (batcher.pending === 0) oldest = undefined;
      else oldest ??= Date.now();
      const wait = oldest === undefined ? 1_000 : Math.max(0, oldest + maxDelay - Date.now());
      let item: QueueItem | undefined;
      try {
        item = await queue.next(wait, ctx.signal);
      } catch (error) {
        if (ctx.signal.aborted) return;
        throw await connectionFailure(error);
      }
      if (ctx.signal.aborted) break;
      // The sink's and the records' own errors leave as they are.
      if (item === undefined) await batcher.flush();
      else {
        if (item.kind === 'data') await batcher.message(item.message as Pgoutput.Message);
        else batcher.keepalive(parseLsn(item.lsn));
        if (oldest !== undefined && Date.now() - oldest >= maxDelay) await batcher.flush();
      }
    }
  } finally {
    clearInterval(keepalive);
    stop.abort();
    await service.destroy().catch(() => undefined);
    await closed;
    await status;
  }
}

/** A StreamSource for one postgres-cdc port. */
export function createPostgresCdcSource(
  spec: PostgresCdcPortSpec,
  options: PostgresCdcSourceOptions = {},
): StreamSource {
  return {
    async run(ctx: StreamSourceContext): Promise<void> {
      ctx.report({ state: 'starting' });
      try {
        const driver = await PostgresDriver.connect(spec.connection, {
          signal: ctx.signal,
          ...(options.env === undefined ? {} : { env: options.env }),
        });
        try {
          await checkCdcSource(driver, spec);
          const from = await prepare(ctx, driver, spec, options.env);
          if (ctx.signal.aborted) return;
          ctx.log(
            `postgres-cdc ${spec.port}: streaming ${spec.schema}.${spec.table} from ${formatLsn(from)}`,
          );
          await stream(ctx, driver, spec, from, options);
        } finally {
          await driver.close();
        }
      } catch (error) {
        if (ctx.signal.aborted) return;
        ctx.report({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
  };
}
