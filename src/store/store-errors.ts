/** The store's one translation from driver errors to MeshplaneError, and the decorator that applies it. */
import { MeshplaneError } from '../errors/index.js';
import type { StoreDialect } from './dialects/store-dialect.js';

/**
 * A driver error as a MeshplaneError: UNAVAILABLE naming where the database is (never a
 * password), CONFLICT for a write that lost to another, INVALID_INPUT for a value the schema
 * rejects, INTERNAL otherwise. A MeshplaneError passes through.
 */
export function toStoreError(error: unknown, dialect: StoreDialect): MeshplaneError {
  if (error instanceof MeshplaneError) return error;
  const reason = dialect.redact(error instanceof Error ? error.message : String(error)) || 'no reason given';
  switch (dialect.classify(error)) {
    case 'unavailable':
      return new MeshplaneError(
        'UNAVAILABLE',
        `the control store (${dialect.target}) cannot be used: ${reason}`,
        {
          cause: error,
        },
      );
    case 'conflict':
      return new MeshplaneError('CONFLICT', `the control store refused a conflicting write: ${reason}`, {
        cause: error,
      });
    case 'invalid':
      return new MeshplaneError('INVALID_INPUT', `the control store refused a value: ${reason}`, {
        cause: error,
      });
    default:
      return new MeshplaneError('INTERNAL', `control store error: ${reason}`, { cause: error });
  }
}

/**
 * Wraps every method of `target` so that whatever it throws leaves as a MeshplaneError. The
 * methods themselves stay free of error plumbing (the decorator pattern of STYLE.md).
 */
export function withStoreErrors<T extends object>(target: T, dialect: StoreDialect): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(target)) {
    if (typeof method !== 'function') continue;
    wrapped[name] = async (...args: unknown[]): Promise<unknown> => {
      try {
        return await method.apply(target, args);
      } catch (error) {
        throw toStoreError(error, dialect);
      }
    };
  }
  return wrapped as T;
}
