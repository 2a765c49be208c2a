/**
 * How long to wait before retry number `attempt` (0 for the first): exponential backoff with
 * full jitter (a uniform pick in [0, min(max, base * 2^attempt)]), so many ports failing together
 * do not retry together. Pure given `random`.
 */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/**
 * A `Retry-After` header (RFC 9110: delay-seconds or an HTTP-date) in milliseconds from `now`,
 * or undefined when absent or unreadable. Pure.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date names its day and month (`Wed, 21 Oct 2015 07:28:00 GMT`); bare numbers are not dates.
  const at = /[A-Za-z]/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
