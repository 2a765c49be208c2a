/**
 * Instants as the control store keeps them: ISO 8601 / RFC 3339 text with a zone. Observations
 * come from storage and clocks, not from users, but they still never crash an evaluation: text
 * that is not such an instant reads as undefined and the caller reports `unknown`.
 */

// A zone is required: a local time would mean a different instant on every machine.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Milliseconds since the epoch, or undefined when `text` is not an ISO instant with a zone. */
export function instantMs(text: string | undefined | null): number | undefined {
  if (typeof text !== 'string' || !ISO_INSTANT.test(text.trim())) return undefined;
  const ms = Date.parse(text.trim().replace(' ', 'T'));
  return Number.isFinite(ms) ? ms : undefined;
}

/** The instant as `toISOString` writes it (UTC, milliseconds). */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** `true` for text `instantMs` reads. */
export function isInstant(text: unknown): text is string {
  return typeof text === 'string' && instantMs(text) !== undefined;
}
