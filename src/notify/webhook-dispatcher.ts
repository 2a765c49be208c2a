/**
 * Delivers the webhook outbox: claims due deliveries from the control store, POSTs each as a
 * structured-mode CloudEvent (or a Slack message), signs it when the URL has a secret, and
 * records the outcome: 2xx is delivered; any other status, a network error or a timeout is
 * retried with exponential backoff and jitter, and the delivery is dead after `maxAttempts`.
 * Delivery is at least once (a crash between sending and recording sends again after the claim's
 * lease): receivers de-duplicate on the event id. Order per URL is kept by the store's claim.
 */
import { MeshplaneError } from '../errors/index.js';
import type { ControlStore, WebhookAttemptOutcome, WebhookDelivery } from '../store/index.js';
import { slackPayload } from './slack-payload.js';
import { exponentialBackoff } from './webhook-backoff.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';

/** What a URL receives: the CloudEvent itself, or a Slack message rendering it. */
export type WebhookFormat = 'cloudevents' | 'slack';

/** What the dispatcher needs of the store. */
export type WebhookOutbox = Pick<ControlStore, 'claimDueWebhooks' | 'recordWebhookAttempt'>;

export interface WebhookDispatcherOptions {
  readonly store: WebhookOutbox;
  /** How often to look for due deliveries when idle. Default 1 s. */
  readonly intervalMs?: number;
  /** The fetch to send with; the global one by default. */
  readonly fetch?: typeof fetch;
  /** The HMAC secret of a URL, if it has one: then each request carries `Meshplane-Signature`. */
  readonly secretFor?: (url: string) => string | undefined;
  /** What a URL receives. Default `cloudevents`. */
  readonly formatFor?: (url: string) => WebhookFormat;
  /** Attempts before a delivery is dead. Default 8. */
  readonly maxAttempts?: number;
  /** The delay before the next try after `failures` failed attempts. Default exponential with jitter from 1 s. */
  readonly backoff?: (failures: number) => number;
  /** How long one request may take, response included. Default 10 s. */
  readonly timeoutMs?: number;
  /** Deliveries claimed per round (distinct URLs, sent concurrently). Default 50. */
  readonly batchSize?: number;
  /** Store failures while running in the background; a failed send is not an error, it is retried. */
  readonly onError?: (error: unknown) => void;
  /** The clock; for tests. */
  readonly now?: () => Date;
}

/** A running dispatcher. */
export interface WebhookDispatcher {
  /** Stops polling and waits for the sends in flight to be sent and recorded. */
  stop(): Promise<void>;
  /** Sends until nothing is due now (deliveries waiting for a later retry stay pending); rejects on a store failure. */
  drain(): Promise<void>;
}

const DEFAULT_INTERVAL_MS = 1_000;
const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH_SIZE = 50;
/** How much of an error response is kept in `lastError`. */
const ERROR_BODY_CHARS = 200;
/** The claim outlives the request by this much, so a slow store write does not free it early. */
const LEASE_MARGIN_MS = 30_000;

/** A request ready to send. */
interface WebhookRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

function requestFor(
  delivery: WebhookDelivery,
  format: WebhookFormat,
  secret: string | undefined,
  at: Date,
): WebhookRequest {
  const body = JSON.stringify(format === 'slack' ? slackPayload(delivery.event) : delivery.event);
  const headers: Record<string, string> = {
    'content-type': format === 'slack' ? 'application/json' : 'application/cloudevents+json; charset=utf-8',
    'user-agent': 'meshplane-webhooks',
  };
  if (secret !== undefined && secret !== '') headers[SIGNATURE_HEADER] = signatureHeader(secret, body, at);
  return { body, headers };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timed out after ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

/** Starts the dispatcher: a first round at once, then one every `intervalMs` while idle. */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const store = options.store;
  const send = options.fetch ?? fetch;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff = options.backoff ?? exponentialBackoff();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? (() => new Date());
  const onError =
    options.onError ??
    ((error: unknown) => console.warn(`webhook dispatcher: ${describeFailure(error, timeoutMs)}`));

  async function attempt(delivery: WebhookDelivery): Promise<WebhookAttemptOutcome> {
    const request = requestFor(
      delivery,
      options.formatFor?.(delivery.url) ?? 'cloudevents',
      options.secretFor?.(delivery.url),
      now(),
    );
    let error: string;
    try {
      const response = await send(delivery.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        // A redirect is a failure: the signed body is for this URL only.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status >= 200 && response.status < 300) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: true, at: now() };
      }
      const text = await response.text().catch(() => '');
      error = `HTTP ${response.status}${text === '' ? '' : `: ${text.slice(0, ERROR_BODY_CHARS)}`}`;
    } catch (failure) {
      error = describeFailure(failure, timeoutMs);
    }
    const at = now();
    const failures = delivery.attempts + 1;
    if (failures >= maxAttempts) return { ok: false, at, error };
    return { ok: false, at, error, retryAt: new Date(at.getTime() + Math.max(0, backoff(failures))) };
  }

  async function deliver(delivery: WebhookDelivery): Promise<void> {
    const outcome = await attempt(delivery);
    try {
      await store.recordWebhookAttempt(delivery.id, outcome);
    } catch (error) {
      // Settled by another dispatcher after our lease ran out: its outcome stands.
      if (error instanceof MeshplaneError && error.code === 'CONFLICT') return;
      throw error;
    }
  }

  /** One claim and its sends; how many were claimed. */
  async function round(): Promise<number> {
    const due = await store.claimDueWebhooks(now(), batchSize, timeoutMs + LEASE_MARGIN_MS);
    const results = await Promise.allSettled(due.map(deliver));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    return due.length;
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Rounds never overlap: a tick and a drain take turns on this chain.
  let chain: Promise<void> = Promise.resolve();
  function serial(task: () => Promise<void>): Promise<void> {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  }

  async function untilIdle(evenIfStopped: boolean): Promise<void> {
    while (evenIfStopped || !stopped) {
      if ((await round()) === 0) return;
    }
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void serial(() => untilIdle(false))
        .catch(onError)
        .finally(() => schedule(intervalMs));
    }, delayMs);
    timer.unref();
  }
  schedule(0);

  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await chain;
    },
    drain: () => serial(() => untilIdle(true)),
  };
}
