/**
 * Turns the decoded replication stream into sink batches and decides what may be confirmed to
 * PostgreSQL. The contract:
 *
 * - A transaction whose commit LSN is below `from` (the stored checkpoint) is stored already and is
 *   skipped when PostgreSQL sends it again.
 * - A batch's checkpoint is the commit end LSN of the last complete transaction in it, and that
 *   LSN is confirmed (`acknowledge`) only after `sink.write` resolved.
 * - A transaction larger than `batchRows` is written in parts with the previous checkpoint; after a
 *   crash it is replayed whole, which is harmless because its records are upserts and deletes by key.
 * - A keepalive's position is confirmed only when nothing received is unstored, as PostgreSQL's own
 *   subscribers do, so an idle table does not hold WAL back.
 */
import type { Pgoutput } from 'pg-logical-replication';
import { MeshplaneError } from '../../errors/index.js';
import type { StreamRecord, StreamSink } from '../stream/stream-types.js';
import { formatCheckpoint } from './cdc-checkpoint.js';
import { changeRecords, type RowChange } from './change-records.js';
import { parseLsn } from './lsn.js';
import type { PostgresCdcPortSpec } from './postgres-cdc-port-spec.js';

export interface ChangeBatcherOptions {
  readonly spec: PostgresCdcPortSpec;
  readonly sink: StreamSink;
  /** Tells PostgreSQL everything before this LSN is stored (the slot may drop that WAL). */
  readonly acknowledge: (flush: bigint) => void;
  /** The stored checkpoint: transactions committed before it are skipped. */
  readonly from: bigint;
  readonly signal?: AbortSignal;
}

export class ChangeBatcher {
  readonly #o: ChangeBatcherOptions;
  #pending: StreamRecord[] = [];
  /** Commit end LSN of the last complete transaction in `#pending`, not yet written. */
  #checkpoint: bigint | undefined;
  /** Commit LSN of the open transaction, or undefined between transactions. */
  #commit: string | undefined;
  #skip = false;
  #changes = 0;
  #confirmed = 0n;

  constructor(options: ChangeBatcherOptions) {
    this.#o = options;
    this.#confirmed = options.from;
  }

  /** Records waiting to be written. */
  get pending(): number {
    return this.#pending.length;
  }

  /** What was last confirmed to PostgreSQL. */
  get confirmed(): bigint {
    return this.#confirmed;
  }

  #ours(relation: Pgoutput.MessageRelation): boolean {
    return relation.schema === this.#o.spec.schema && relation.name === this.#o.spec.table;
  }

  #confirm(lsn: bigint): void {
    if (lsn <= this.#confirmed) return;
    this.#confirmed = lsn;
    this.#o.acknowledge(lsn);
  }

  /** Takes one decoded message; writes a batch when `batchRows` records are waiting. */
  async message(message: Pgoutput.Message): Promise<void> {
    const { spec } = this.#o;
    switch (message.tag) {
      case 'begin': {
        this.#commit = message.commitLsn ?? '0/0';
        this.#skip = parseLsn(this.#commit) < this.#o.from;
        this.#changes = 0;
        return;
      }
      case 'insert':
      case 'update':
      case 'delete': {
        if (this.#skip || !this.#ours(message.relation)) return;
        this.#changes += 1;
        const source = `postgres:${this.#commit ?? '?'}#${this.#changes}`;
        this.#pending.push(...changeRecords(spec, message as RowChange, source));
        if (this.#pending.length >= spec.batchRows) await this.flush();
        return;
      }
      case 'truncate': {
        if (this.#skip || !message.relations.some((r) => this.#ours(r))) return;
        throw new MeshplaneError(
          'PRECONDITION_FAILED',
          `input port ${spec.port}: ${spec.location} was truncated; a postgres-cdc port cannot follow TRUNCATE ` +
            `(publish only inserts, updates and deletes: ALTER PUBLICATION ${spec.publication} SET (publish = 'insert, update, delete'))`,
        );
      }
      case 'commit': {
        const skipped = this.#skip;
        this.#commit = undefined;
        this.#skip = false;
        if (skipped || message.commitEndLsn === null) return;
        const end = parseLsn(message.commitEndLsn);
        if (this.#pending.length === 0) {
          // Nothing of ours in it: nothing to store, and nothing before it is unstored.
          this.#checkpoint = undefined;
          this.#confirm(end);
          return;
        }
        this.#checkpoint = end;
        if (this.#pending.length >= spec.batchRows) await this.flush();
        return;
      }
      default:
        return;
    }
  }

  /** A keepalive: confirms its position when nothing received is waiting to be stored. */
  keepalive(walEnd: bigint): void {
    if (this.#commit === undefined && this.#pending.length === 0) this.#confirm(walEnd);
  }

  /** Writes what is waiting (with the last complete transaction's checkpoint) and confirms it. */
  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const records = this.#pending;
    const checkpoint = this.#checkpoint;
    // A transaction still open has its records in this batch but not its checkpoint.
    const batch =
      checkpoint === undefined
        ? { records }
        : { records, checkpoint: formatCheckpoint({ lsn: checkpoint, snapshotPending: false }) };
    await this.#o.sink.write(batch, this.#o.signal);
    this.#pending = [];
    this.#checkpoint = undefined;
    if (checkpoint !== undefined) this.#confirm(checkpoint);
  }
}
