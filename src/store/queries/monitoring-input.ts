/** Checks on what monitors hand the store: instants and names, for values TypeScript cannot vouch for. */
import { MeshplaneError } from '../../errors/index.js';

// A zone is required: a local time would mean a different instant on every machine.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `value` as the store keeps instants (`toISOString`, so text order is time order), or
 * INVALID_INPUT naming `what`.
 */
export function requireInstant(value: unknown, what: string): string {
  const ms = typeof value === 'string' && ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${what} must be an ISO 8601 instant with a zone, got ${JSON.stringify(value)}`,
    );
  }
  return new Date(ms).toISOString();
}

/** `ms` before `at` (an instant the store wrote), as stored text. */
export function instantBefore(at: string, ms: number): string {
  return new Date(Date.parse(at) - ms).toISOString();
}
