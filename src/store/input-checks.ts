/** Checks on what callers hand the store, for values TypeScript cannot vouch for at run time. */
import { MeshplaneError } from '../errors/index.js';

/** INVALID_INPUT unless `value` is a non-empty string. */
export function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new MeshplaneError('INVALID_INPUT', `${what} must be a non-empty string`);
  }
  return value;
}

/** INVALID_INPUT unless `value` is one of `allowed`. */
export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new MeshplaneError('INVALID_INPUT', `${what} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** INVALID_INPUT unless `value` is a whole number from 0 up. */
export function requireCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new MeshplaneError('INVALID_INPUT', `${what} must be a whole number from 0 up`);
  }
  return value;
}

/** INVALID_INPUT unless `value` is a whole number from 1 up: a list's limit. */
export function requireLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new MeshplaneError('INVALID_INPUT', 'limit must be a whole number from 1 up');
  }
  return value;
}

/** Keys that occur more than once, each reported once. */
export function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return [...repeated];
}

/** INVALID_INPUT when a key occurs twice among `keys`; `what` names them (e.g. "team names"). */
export function requireUnique(keys: readonly string[], what: string): void {
  const repeated = duplicates(keys);
  if (repeated.length > 0) {
    throw new MeshplaneError('INVALID_INPUT', `duplicate ${what}: ${repeated.join(', ')}`);
  }
}

/** INVALID_INPUT unless `value` is a valid Date; returns it as ISO-8601 text, as the store keeps times. */
export function requireDate(value: unknown, what: string): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new MeshplaneError('INVALID_INPUT', `${what} must be a valid Date`);
  }
  return value.toISOString();
}
