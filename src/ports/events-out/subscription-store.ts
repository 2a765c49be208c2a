/**
 * Webhook subscriptions to an output port's changes, kept in the product's own DuckDB file
 * (`_meshplane.subscriptions`, `_meshplane.dead_letters`) beside the change log they follow, so a
 * product's file carries its consumers' cursors with it. Writes to one product's subscriptions
 * are serialized per hub, so the API and the delivery loop never conflict on a row.
 */
import { randomUUID } from 'node:crypto';
import { type DuckDBDriver, qualifiedName } from '../../engines/duckdb/index.js';
import { MeshplaneError } from '../../errors/index.js';
import { KeyedLock } from '../../runtime/keyed-lock.js';
import {
  DEAD_LETTERS_TABLE,
  productAlias,
  SUBSCRIPTIONS_TABLE,
  SYSTEM_SCHEMA,
} from '../../runtime/storage-layout.js';
import { lastOffset } from './read-changes.js';

/** A subscription as the API shows it. */
export interface Subscription {
  readonly id: string;
  readonly productId: string;
  readonly port: string;
  readonly url: string;
  /** The environment variable holding the HMAC secret; unsigned deliveries when absent. */
  readonly secretEnv?: string;
  /** The last offset delivered or dead-lettered: delivery resumes after it. */
  readonly cursor: number;
  /** Failed attempts at the next event. */
  readonly failures: number;
  readonly lastError?: string;
  /** When the next attempt is due after a failure. */
  readonly nextAttemptAt?: string;
  readonly delivered: number;
  readonly deadLettered: number;
  readonly createdAt: string;
}

/** An event a subscription gave up on. */
export interface DeadLetter {
  readonly offset: number;
  readonly error: string;
  readonly attempts: number;
  readonly at: string;
}

export interface NewSubscription {
  readonly port: string;
  readonly url: string;
  readonly secretEnv?: string;
  /** Deliver the changes after this offset; default: the log's last offset (changes from now on). */
  readonly after?: number;
}

/** Most subscriptions one output port may have: each runs a delivery loop. */
export const MAX_SUBSCRIPTIONS_PER_PORT = 50;

const locks = new WeakMap<DuckDBDriver, KeyedLock>();

function lockOf(hub: DuckDBDriver): KeyedLock {
  let lock = locks.get(hub);
  if (lock === undefined) {
    lock = new KeyedLock();
    locks.set(hub, lock);
  }
  return lock;
}

const subscriptions = (productId: string) =>
  qualifiedName(productAlias(productId), SYSTEM_SCHEMA, SUBSCRIPTIONS_TABLE);
const deadLetters = (productId: string) =>
  qualifiedName(productAlias(productId), SYSTEM_SCHEMA, DEAD_LETTERS_TABLE);

const ISO = `'%Y-%m-%dT%H:%M:%S.%fZ'`;
const SELECT = `SELECT "id", "port", "url", "secret_env", "cursor", "failures", "last_error",
  strftime("next_attempt_at", ${ISO}) AS "next_attempt_at", "delivered", "dead_lettered",
  strftime("created_at", ${ISO}) AS "created_at"`;

const us = (at: Date) => BigInt(at.getTime()) * 1000n;

function toSubscription(productId: string, r: Record<string, unknown>): Subscription {
  const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
  const secretEnv = text(r.secret_env);
  const lastError = text(r.last_error);
  const nextAttemptAt = text(r.next_attempt_at);
  return {
    id: String(r.id),
    productId,
    port: String(r.port),
    url: String(r.url),
    ...(secretEnv === undefined ? {} : { secretEnv }),
    cursor: Number(r.cursor),
    failures: Number(r.failures),
    ...(lastError === undefined ? {} : { lastError }),
    ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
    delivered: Number(r.delivered),
    deadLettered: Number(r.dead_lettered),
    createdAt: String(r.created_at),
  };
}

/** Subscriptions of one product's output ports, read and written through the hub. */
export class SubscriptionStore {
  readonly #hub: DuckDBDriver;
  readonly #now: () => Date;

  constructor(hub: DuckDBDriver, now: () => Date = () => new Date()) {
    this.#hub = hub;
    this.#now = now;
  }

  #locked<T>(productId: string, fn: () => Promise<T>): Promise<T> {
    return lockOf(this.#hub).run(productId, fn);
  }

  /** Adds a subscription; CONFLICT past `MAX_SUBSCRIPTIONS_PER_PORT`. */
  create(productId: string, input: NewSubscription): Promise<Subscription> {
    return this.#locked(productId, async () => {
      const [count] = await this.#hub.query(
        `SELECT count(*) AS n FROM ${subscriptions(productId)} WHERE "port" = $1`,
        { params: [input.port] },
      );
      if (Number(count?.n ?? 0) >= MAX_SUBSCRIPTIONS_PER_PORT) {
        throw new MeshplaneError(
          'CONFLICT',
          `${productId}/${input.port} has ${MAX_SUBSCRIPTIONS_PER_PORT} subscriptions already; delete one first`,
        );
      }
      const cursor = input.after ?? (await lastOffset(this.#hub, productId));
      const id = randomUUID();
      await this.#hub.run(
        `INSERT INTO ${subscriptions(productId)} ("id", "port", "url", "secret_env", "cursor", "failures",
           "last_error", "next_attempt_at", "delivered", "dead_lettered", "created_at")
         VALUES ($1, $2, $3, $4, $5, 0, NULL, NULL, 0, 0, make_timestamp(CAST($6 AS BIGINT)))`,
        { params: [id, input.port, input.url, input.secretEnv ?? null, BigInt(cursor), us(this.#now())] },
      );
      const created = await this.get(productId, id);
      if (created === undefined) throw new MeshplaneError('INTERNAL', `subscription ${id} vanished`);
      return created;
    });
  }

  async get(productId: string, id: string): Promise<Subscription | undefined> {
    const [row] = await this.#hub.query(`${SELECT} FROM ${subscriptions(productId)} WHERE "id" = $1`, {
      params: [id],
    });
    return row === undefined ? undefined : toSubscription(productId, row);
  }

  /** The product's subscriptions, of one port when given, oldest first. */
  async list(productId: string, port?: string): Promise<Subscription[]> {
    const order = 'ORDER BY "created_at", "id"';
    const rows =
      port === undefined
        ? await this.#hub.query(`${SELECT} FROM ${subscriptions(productId)} ${order}`)
        : await this.#hub.query(`${SELECT} FROM ${subscriptions(productId)} WHERE "port" = $1 ${order}`, {
            params: [port],
          });
    return rows.map((r) => toSubscription(productId, r));
  }

  /** Removes a subscription and its dead letters; false when there was none. */
  delete(productId: string, id: string): Promise<boolean> {
    return this.#locked(productId, () =>
      this.#hub.withSession((session) =>
        session.transaction(async (tx) => {
          await tx.run(`DELETE FROM ${deadLetters(productId)} WHERE "subscription_id" = $1`, {
            params: [id],
          });
          return (
            (await tx.run(`DELETE FROM ${subscriptions(productId)} WHERE "id" = $1`, { params: [id] })) > 0
          );
        }),
      ),
    );
  }

  /** The event at `offset` was accepted: the cursor moves to it. False when the subscription is gone. */
  delivered(productId: string, id: string, offset: number): Promise<boolean> {
    return this.#locked(productId, async () => {
      const changed = await this.#hub.run(
        `UPDATE ${subscriptions(productId)} SET "cursor" = $2, "failures" = 0, "last_error" = NULL,
           "next_attempt_at" = NULL, "delivered" = "delivered" + 1 WHERE "id" = $1`,
        { params: [id, BigInt(offset)] },
      );
      return changed > 0;
    });
  }

  /** An attempt failed and will be retried at `retryAt`. False when the subscription is gone. */
  failed(productId: string, id: string, error: string, retryAt: Date): Promise<boolean> {
    return this.#locked(productId, async () => {
      const changed = await this.#hub.run(
        `UPDATE ${subscriptions(productId)} SET "failures" = "failures" + 1, "last_error" = $2,
           "next_attempt_at" = make_timestamp(CAST($3 AS BIGINT)) WHERE "id" = $1`,
        { params: [id, error, us(retryAt)] },
      );
      return changed > 0;
    });
  }

  /** The event at `offset` failed its last attempt: it is dead-lettered and the cursor moves past it. */
  deadLetter(
    productId: string,
    id: string,
    offset: number,
    error: string,
    attempts: number,
  ): Promise<boolean> {
    return this.#locked(productId, () =>
      this.#hub.withSession((session) =>
        session.transaction(async (tx) => {
          const changed = await tx.run(
            `UPDATE ${subscriptions(productId)} SET "cursor" = $2, "failures" = 0, "last_error" = $3,
               "next_attempt_at" = NULL, "dead_lettered" = "dead_lettered" + 1 WHERE "id" = $1`,
            { params: [id, BigInt(offset), error] },
          );
          if (changed === 0) return false;
          await tx.run(
            `INSERT INTO ${deadLetters(productId)} ("subscription_id", "offset", "error", "attempts", "at")
             VALUES ($1, $2, $3, $4, make_timestamp(CAST($5 AS BIGINT)))`,
            { params: [id, BigInt(offset), error, BigInt(attempts), us(this.#now())] },
          );
          return true;
        }),
      ),
    );
  }

  /** The subscription's dead letters, newest first. */
  async deadLetters(productId: string, id: string, limit = 100): Promise<DeadLetter[]> {
    const rows = await this.#hub.query(
      `SELECT "offset", "error", "attempts", strftime("at", ${ISO}) AS "at" FROM ${deadLetters(productId)}
       WHERE "subscription_id" = $1 ORDER BY "offset" DESC LIMIT $2`,
      { params: [id, BigInt(limit)] },
    );
    return rows.map((r) => ({
      offset: Number(r.offset),
      error: String(r.error),
      attempts: Number(r.attempts),
      at: String(r.at),
    }));
  }
}
