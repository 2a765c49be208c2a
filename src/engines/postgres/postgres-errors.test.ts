import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import { toPostgresError } from './postgres-errors.js';

const failure = (message: string, code?: string) =>
  Object.assign(new Error(message), code === undefined ? {} : { code });
const target = 'db:5432/test';

describe('toPostgresError', () => {
  it.each([
    [
      failure('connect ECONNREFUSED 10.0.0.1:5432', 'ECONNREFUSED'),
      'UNAVAILABLE',
      'postgres db:5432/test is unreachable: connect ECONNREFUSED 10.0.0.1:5432',
    ],
    [
      failure('Connection terminated unexpectedly'),
      'UNAVAILABLE',
      'postgres db:5432/test is unreachable: Connection terminated unexpectedly',
    ],
    [
      failure('the database system is shutting down', '57P03'),
      'UNAVAILABLE',
      'postgres db:5432/test is unreachable: the database system is shutting down',
    ],
    [
      failure('database "x" does not exist', '3D000'),
      'UNAVAILABLE',
      'postgres db:5432/test: database "x" does not exist',
    ],
    [
      failure('password authentication failed for user "etl"', '28P01'),
      'UNAVAILABLE',
      'postgres db:5432/test: cannot sign in: password authentication failed for user "etl" (check the user and the password)',
    ],
    [
      failure('permission denied for table customers', '42501'),
      'FORBIDDEN',
      'postgres db:5432/test: permission denied for table customers (grant the user SELECT on it)',
    ],
    [
      failure('relation "s.t" does not exist', '42P01'),
      'NOT_FOUND',
      'postgres db:5432/test: relation "s.t" does not exist',
    ],
    [
      failure('column "x" does not exist', '42703'),
      'NOT_FOUND',
      'postgres db:5432/test: column "x" does not exist',
    ],
    [failure('division by zero', '22012'), 'ENGINE_ERROR', 'postgres db:5432/test: division by zero'],
  ])('maps %s', (error, code, message) => {
    const mapped = toPostgresError(error, target);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toBe(message);
    expect(mapped.cause).toBe(error);
  });

  it('says cancelled for a cancelled statement or an aborted signal', () => {
    for (const mapped of [
      toPostgresError(failure('canceling statement due to user request', '57014'), target),
      toPostgresError(failure('Connection terminated'), target, [], true),
    ]) {
      expect(mapped.code).toBe('ENGINE_ERROR');
      expect(mapped.message).toBe('postgres db:5432/test: cancelled');
      expect(mapped.details).toEqual({ cancelled: true });
    }
  });

  it('removes secrets and passes MeshplaneErrors through', () => {
    const mapped = toPostgresError(failure('bad password hunter2 for hunter2', '28P01'), target, [
      'hunter2',
      '',
    ]);
    expect(mapped.message).not.toContain('hunter2');
    const own = new MeshplaneError('INVALID_INPUT', 'x');
    expect(toPostgresError(own, target)).toBe(own);
  });
});
