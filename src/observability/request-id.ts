import { randomUUID } from 'node:crypto';

/** The header a request id comes in on and goes back out on (matched case-insensitively). */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An incoming id is kept only when it is a short token of safe characters: enough for UUIDs,
 * ULIDs, W3C trace ids and proxies' ids, and nothing that could forge a log line, split a header
 * or grow a log without bound.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Whether `value` may be used as a request id as it is. */
export function isSafeRequestId(value: string): boolean {
  return SAFE_REQUEST_ID.test(value);
}

/**
 * The id of a request: the caller's `X-Request-Id` when it is a safe token (so one id follows a
 * request through a proxy and into our logs), else a fresh UUID. A repeated header is not
 * trusted: which copy is meant is unclear.
 */
export function requestIdOf(
  header: string | readonly string[] | undefined,
  generate: () => string = randomUUID,
): string {
  return typeof header === 'string' && isSafeRequestId(header) ? header : generate();
}
