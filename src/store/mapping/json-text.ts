import { MeshplaneError } from '../../errors/index.js';

/**
 * A value as JSON text for a TEXT column. `undefined` is stored as `null`; values JSON cannot
 * hold (a BigInt, a cycle) are INVALID_INPUT naming `what`.
 */
export function toJsonText(value: unknown, what: string): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (error) {
    throw new MeshplaneError('INVALID_INPUT', `${what} cannot be stored as JSON`, { cause: error });
  }
}

/** The value of a JSON TEXT column. The store wrote it, so malformed text is INTERNAL. */
export function fromJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new MeshplaneError('INTERNAL', `stored ${what} is not valid JSON`, { cause: error });
  }
}

/** A JSON TEXT column that holds an array of strings; anything else reads as empty. */
export function fromJsonStringArray(text: string, what: string): string[] {
  const value = fromJsonText(text, what);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
