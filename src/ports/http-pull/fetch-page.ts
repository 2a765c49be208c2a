import { MeshplaneError } from '../../errors/index.js';
import { bodySnippet, readJsonBody } from './bounded-json.js';
import type { HttpPullConfig } from './http-pull-config.js';
import { pullSleep } from './pull-sleep.js';
import { retryAfterMs, retryDelay } from './retry-delay.js';

/** What the I/O of a pull may be swapped for in tests. */
export interface PullEnvironment {
  readonly fetch: typeof fetch;
  readonly random: () => number;
  readonly now: () => number;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: (line: string) => void;
}

export interface FetchedPage {
  /** The URL that answered (after same-origin redirects). */
  readonly url: string;
  readonly body: unknown;
  /** The response's `Link` header. */
  readonly link: string | null;
}

const MAX_REDIRECTS = 5;

/** Why one attempt failed, and whether another may succeed. */
class AttemptFailure {
  constructor(
    readonly message: string,
    readonly retry: boolean,
    readonly status?: number,
    readonly waitMs?: number,
  ) {}
}

/** Whether `to` may receive the port's headers: the configured API's origin only. */
export function sameOrigin(to: string, configured: string): boolean {
  return new URL(to).origin === new URL(configured).origin;
}

function requestHeaders(config: HttpPullConfig, env: PullEnvironment['env']): Headers {
  const headers = new Headers({ accept: 'application/json', 'user-agent': 'meshplane-http-pull' });
  for (const { name, value } of config.headers) {
    if ('value' in value) {
      headers.set(name, value.value);
      continue;
    }
    const secret = env[value.env];
    if (secret === undefined) {
      throw new MeshplaneError(
        'INVALID_INPUT',
        `input port ${config.port}: the environment variable ${value.env} (header ${name}) is not set`,
      );
    }
    headers.set(name, secret);
  }
  return headers;
}

/** Shows a URL without its query, which may carry a cursor or a token the API handed out. */
export function shownUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

async function attempt(
  config: HttpPullConfig,
  url: string,
  headers: Headers,
  signal: AbortSignal,
  pullEnv: PullEnvironment,
): Promise<FetchedPage | AttemptFailure> {
  const what = `GET ${shownUrl(url)}`;
  const timeout = AbortSignal.timeout(config.limits.timeoutMs);
  const both = AbortSignal.any([signal, timeout]);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await pullEnv.fetch(current, { headers, signal: both, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel().catch(() => undefined);
        const target = new URL(location, current).href;
        if (!sameOrigin(target, config.url)) {
          return new AttemptFailure(
            `${what}: redirected to another origin (${new URL(target).origin}); refused so the port's headers stay with the API`,
            false,
            response.status,
          );
        }
        if (hop >= MAX_REDIRECTS)
          return new AttemptFailure(`${what}: more than ${MAX_REDIRECTS} redirects`, false);
        current = target;
        continue;
      }
      if (response.status === 429 || response.status >= 500) {
        const wait = retryAfterMs(response.headers.get('retry-after'), pullEnv.now());
        const snippet = await bodySnippet(response);
        return new AttemptFailure(
          `${what} answered ${response.status} ${response.statusText}${snippet ? `: ${snippet}` : ''}`,
          true,
          response.status,
          wait,
        );
      }
      if (response.status < 200 || response.status >= 300) {
        const snippet = await bodySnippet(response);
        return new AttemptFailure(
          `${what} answered ${response.status} ${response.statusText}${snippet ? `: ${snippet}` : ''}`,
          false,
          response.status,
        );
      }
      const body = await readJsonBody(
        response,
        { maxBytes: config.limits.maxResponseBytes, maxDepth: config.limits.maxDepth },
        what,
      );
      return { url: current, body, link: response.headers.get('link') };
    }
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof MeshplaneError) return new AttemptFailure(error.message, false);
    if (timeout.aborted)
      return new AttemptFailure(`${what}: no answer within ${config.limits.timeoutMs}ms`, true);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new AttemptFailure(
      `${what}: ${error instanceof Error ? error.message : String(error)}${cause}`,
      true,
    );
  }
}

/**
 * GETs one page and parses its JSON body within the port's bounds, retrying a 5xx, a 429 (after
 * its Retry-After), a timeout or a network error with exponential backoff and jitter. Throws
 * UNAVAILABLE when the retries run out, PRECONDITION_FAILED for an answer that will not change
 * by asking again (another 4xx, a body that is not JSON or too large), with `details.status`.
 * An abort of `signal` rejects with the abort reason.
 */
export async function fetchPage(
  config: HttpPullConfig,
  url: string,
  signal: AbortSignal,
  pullEnv: PullEnvironment,
): Promise<FetchedPage> {
  const headers = requestHeaders(config, pullEnv.env);
  const { retry } = config;
  for (let n = 0; ; n++) {
    const outcome = await attempt(config, url, headers, signal, pullEnv);
    if (!(outcome instanceof AttemptFailure)) return outcome;
    const details = outcome.status === undefined ? {} : { status: outcome.status };
    if (!outcome.retry) throw new MeshplaneError('PRECONDITION_FAILED', outcome.message, { details });
    if (n >= retry.attempts) {
      throw new MeshplaneError('UNAVAILABLE', `${outcome.message} (gave up after ${n + 1} attempts)`, {
        details,
      });
    }
    if (outcome.waitMs !== undefined && outcome.waitMs > retry.maxRetryAfterMs) {
      throw new MeshplaneError(
        'UNAVAILABLE',
        `${outcome.message}; Retry-After asks for ${Math.round(outcome.waitMs / 1000)}s, more than ${retry.maxRetryAfterMs / 1000}s`,
        { details },
      );
    }
    const wait = outcome.waitMs ?? retryDelay(n, retry.baseMs, retry.maxMs, pullEnv.random);
    pullEnv.log(`${outcome.message}; retry ${n + 1} of ${retry.attempts} in ${wait}ms`);
    await pullSleep(wait, signal);
    if (signal.aborted) throw signal.reason;
  }
}
