import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../errors/index.js';
import type { StoreDialect, StoreFailure } from './dialects/store-dialect.js';
import { toStoreError, withStoreErrors } from './store-errors.js';

function dialect(failure: StoreFailure | undefined): StoreDialect {
  return {
    dialect: {} as StoreDialect['dialect'],
    target: 'PostgreSQL at db:5432/meta',
    classify: () => failure,
    redact: (text) => text.split('pw123').join('***'),
    currentSchema: async () => undefined,
  };
}

describe('toStoreError', () => {
  it('maps driver failures to codes, naming the target and redacting secrets', () => {
    const unavailable = toStoreError(new Error('auth failed for pw123'), dialect('unavailable'));
    expect(unavailable.code).toBe('UNAVAILABLE');
    expect(unavailable.message).toBe(
      'the control store (PostgreSQL at db:5432/meta) cannot be used: auth failed for ***',
    );
    expect(toStoreError(new Error('dup'), dialect('conflict')).code).toBe('CONFLICT');
    expect(toStoreError(new Error('check'), dialect('invalid')).code).toBe('INVALID_INPUT');
    expect(toStoreError('odd', dialect(undefined)).code).toBe('INTERNAL');
  });

  it('passes a MeshplaneError through', () => {
    const original = new MeshplaneError('NOT_FOUND', 'gone');
    expect(toStoreError(original, dialect('unavailable'))).toBe(original);
  });
});

describe('withStoreErrors', () => {
  it('wraps every method so that what it throws leaves as a MeshplaneError', async () => {
    const target = {
      ok: async (n: number) => n + 1,
      broken: async () => {
        throw new Error('connection reset');
      },
    };
    const wrapped = withStoreErrors(target, dialect('unavailable'));
    expect(await wrapped.ok(1)).toBe(2);
    await expect(wrapped.broken()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
