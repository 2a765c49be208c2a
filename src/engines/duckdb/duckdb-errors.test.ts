import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import { errorSummary, sqlErrorPosition, toEngineError } from './duckdb-errors.js';

const CATALOG = `Catalog Error: Table with name nowhere does not exist!
Did you mean "somewhere"?

LINE 2: FROM nowhere
             ^`;

describe('DuckDB errors', () => {
  it('reads the line and column DuckDB points at', () => {
    expect(sqlErrorPosition(CATALOG)).toEqual({ line: 2, column: 6 });
    expect(sqlErrorPosition('LINE 1: ...long text here\n                    ^')).toEqual({ line: 1 });
    expect(sqlErrorPosition('Constraint Error: NOT NULL constraint failed: t.k2')).toBeUndefined();
  });

  it('keeps the message and drops the echoed SQL', () => {
    expect(errorSummary(CATALOG)).toBe(
      'Catalog Error: Table with name nowhere does not exist!\nDid you mean "somewhere"?',
    );
  });

  it('maps to ENGINE_ERROR, cancellation included', () => {
    const error = toEngineError(new Error(CATALOG), 'duckdb');
    expect(error).toMatchObject({ code: 'ENGINE_ERROR', details: { position: { line: 2, column: 6 } } });
    expect(toEngineError(new Error('INTERRUPT Error: Interrupted!'), 'duckdb')).toMatchObject({
      message: 'duckdb: cancelled',
      details: { cancelled: true },
    });
    const own = new MeshplaneError('NOT_FOUND', 'x');
    expect(toEngineError(own, 'duckdb')).toBe(own);
  });
});
