/**
 * Delivers output ports' change events to their webhook subscriptions. Each subscription has a
 * loop of its own that POSTs its events one at a time, in offset order (so in order per key), as
 * structured-mode CloudEvents signed with `Meshplane-Signature` when it names a secret; the
 * cursor moves only after a 2xx. A failure is retried with exponential backoff and jitter, and
 * after `maxAttempts` the event is dead-lettered and the loop moves on. A receiver that is down
 * only holds up its own subscription, and gets everything, in order, once it is back.
 *
 * At least once: a crash between a 2xx and the cursor write sends that event again; receivers
 * de-duplicate on the event id (`<product>:<port>:<offset>`), which never changes.
 */
import type { DuckDBDriver } from '../../engines/duckdb/index.js';
import { exponentialBackoff } from '../../notify/webhook-backoff.js';
import { SIGNATURE_HEADER, signatureHeader } from '../../notify/webhook-signature.js';
import type { RuntimeProduct } from '../../runtime/runtime-product.js';
import { changeEvent } from './change-event.js';
import { readChanges } from './read-changes.js';
import { type Subscription, SubscriptionStore } from './subscription-store.js';

/** What delivery needs of the runtime: the hub and the deployed products. */
export interface EventSourceRuntime {
  readonly hub: DuckDBDriver;
  products(): readonly RuntimeProduct[];
}

export interface EventDeliveryOptions {
  readonly runtime: EventSourceRuntime;
  /** How often subscriptions are checked for new events. Default 1 s. */
  readonly pollMs?: number;
  readonly fetch?: typeof fetch;
  /** Where secrets are read by name. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Attempts at one event before it is dead-lettered. Default 8. */
  readonly maxAttempts?: number;
  /** The delay before the next try after `failures` failed attempts. Default exponential with jitter from 1 s. */
  readonly backoff?: (failures: number) => number;
  /** How long one request may take, response included. Default 10 s. */
  readonly timeoutMs?: number;
  /** Events read from the log at a time. Default 100. */
  readonly batchSize?: number;
  /** Failures of the loop itself (the log or the cursors cannot be read or written). */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => Date;
}

/** A running delivery. */
export interface EventDelivery {
  /** The subscriptions, for the API. */
  readonly subscriptions: SubscriptionStore;
  /** Checks for new events now instead of at the next poll (after a run, say). */
  wake(): void;
  /** Delivers until every subscription is caught up or waits for a retry later. */
  drain(): Promise<void>;
  /** Stops polling and waits for the sends in flight. */
  stop(): Promise<void>;
}

const ERROR_BODY_CHARS = 200;

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timed out after ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

/** Starts delivering: a first check at once, then one every `pollMs`. */
export function startEventDelivery(options: EventDeliveryOptions): EventDelivery {
  const { runtime } = options;
  const send = options.fetch ?? fetch;
  const env = options.env ?? process.env;
  const pollMs = options.pollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? exponentialBackoff();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batchSize = options.batchSize ?? 100;
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? ((error: unknown) => console.warn(`event delivery: ${String(error)}`));
  const store = new SubscriptionStore(runtime.hub, now);
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  /** One POST; undefined when accepted, else why not. */
  async function post(subscription: Subscription, body: string): Promise<string | undefined> {
    const headers: Record<string, string> = {
      'content-type': 'application/cloudevents+json; charset=utf-8',
      'user-agent': 'meshplane-events',
    };
    if (subscription.secretEnv !== undefined) {
      const secret = env[subscription.secretEnv];
      // Never send unsigned what the subscriber expects signed.
      if (secret === undefined || secret === '')
        return `the secret variable ${subscription.secretEnv} is not set`;
      headers[SIGNATURE_HEADER] = signatureHeader(secret, body, now());
    }
    try {
      const response = await send(subscription.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status >= 200 && response.status < 300) {
        await response.body?.cancel().catch(() => undefined);
        return undefined;
      }
      const text = await response.text().catch(() => '');
      return `HTTP ${response.status}${text === '' ? '' : `: ${text.slice(0, ERROR_BODY_CHARS)}`}`;
    } catch (error) {
      return describeFailure(error, timeoutMs);
    }
  }

  /** Sends the subscription's events until caught up, a failure to retry later, or stop. */
  async function follow(product: RuntimeProduct, listed: Subscription): Promise<void> {
    // The list a tick read may predate a loop that just finished for this subscription: read it
    // again now that this loop holds it, so its failures and next attempt are current.
    const first = await store.get(product.id, listed.id);
    if (first === undefined || !due(first, now())) return;
    let subscription = first;
    while (!stopped) {
      const batch = await readChanges(runtime.hub, product.id, subscription.port, {
        after: subscription.cursor,
        limit: batchSize,
      });
      if (batch.length === 0) return;
      for (const change of batch) {
        if (stopped) return;
        const error = await post(subscription, JSON.stringify(changeEvent(product.id, change)));
        if (error === undefined) {
          if (!(await store.delivered(product.id, subscription.id, change.offset))) return;
          subscription = { ...subscription, cursor: change.offset, failures: 0 };
          continue;
        }
        const failures = subscription.failures + 1;
        if (failures >= maxAttempts) {
          if (!(await store.deadLetter(product.id, subscription.id, change.offset, error, failures))) return;
          subscription = { ...subscription, cursor: change.offset, failures: 0 };
          continue;
        }
        const retryAt = new Date(now().getTime() + Math.max(0, backoff(failures)));
        await store.failed(product.id, subscription.id, error, retryAt);
        return;
      }
    }
  }

  function due(subscription: Subscription, at: Date): boolean {
    return subscription.nextAttemptAt === undefined || Date.parse(subscription.nextAttemptAt) <= at.getTime();
  }

  /** Starts a loop for each due subscription without one; returns the loops started. */
  async function tick(): Promise<Promise<void>[]> {
    const started: Promise<void>[] = [];
    for (const product of runtime.products()) {
      const ports = new Set(product.outputs.map((o) => o.name));
      const list = await store.list(product.id);
      const at = now();
      for (const subscription of list) {
        const key = `${product.id}\u0000${subscription.id}`;
        if (stopped || running.has(key) || !ports.has(subscription.port) || !due(subscription, at)) continue;
        const loop = follow(product, subscription)
          .catch(onError)
          .finally(() => running.delete(key));
        running.set(key, loop);
        started.push(loop);
      }
    }
    return started;
  }

  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<unknown> = Promise.resolve();
  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      ticking = tick()
        .catch(onError)
        .finally(() => schedule(pollMs));
    }, delayMs);
    timer.unref();
  }
  schedule(0);

  return {
    subscriptions: store,
    wake: () => schedule(0),
    async drain() {
      for (;;) {
        await ticking;
        await Promise.all(running.values());
        const started = await tick();
        if (started.length === 0) return;
        await Promise.all(started);
      }
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await ticking.catch(() => undefined);
      await Promise.all(running.values());
    },
  };
}
