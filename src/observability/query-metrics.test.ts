import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../errors/index.js';
import { queryOutcomeOf } from './query-metrics.js';

describe('the outcome of a query that threw', () => {
  it("is `rejected` for the caller's mistakes", () => {
    for (const code of ['INVALID_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN'] as const)
      expect(queryOutcomeOf(new MeshplaneError(code, 'no'))).toBe('rejected');
  });

  it('is `cancelled` for a cancelled statement, an abort, or an aborted signal', () => {
    const engine = new MeshplaneError('ENGINE_ERROR', 'duckdb: cancelled', { details: { cancelled: true } });
    expect(queryOutcomeOf(engine)).toBe('cancelled');
    expect(queryOutcomeOf(new DOMException('gone', 'AbortError'))).toBe('cancelled');
    const controller = new AbortController();
    controller.abort();
    expect(queryOutcomeOf(new Error('socket closed'), controller.signal)).toBe('cancelled');
  });

  it('is `failed` for engine, internal and unknown errors', () => {
    expect(queryOutcomeOf(new MeshplaneError('ENGINE_ERROR', 'boom'))).toBe('failed');
    expect(queryOutcomeOf(new MeshplaneError('UNAVAILABLE', 'down'))).toBe('failed');
    expect(queryOutcomeOf(new Error('bug'))).toBe('failed');
    expect(queryOutcomeOf('a string')).toBe('failed');
  });
});
