import { describe, expect, it } from 'vitest';
import { holdsEveryValue, physicalCapacity } from './physical-capacity.js';

describe('physicalCapacity', () => {
  it('reads strings, integers, floats and decimals in any spelling', () => {
    expect(physicalCapacity(' varchar ( 40 ) ')).toEqual({ family: 'string', length: 40 });
    expect(physicalCapacity('Character Varying')).toEqual({ family: 'string' });
    expect(physicalCapacity('INT4')).toEqual({ family: 'integer', bytes: 4 });
    expect(physicalCapacity('double precision')).toEqual({ family: 'float', bytes: 8 });
    expect(physicalCapacity('NUMERIC(12,2)')).toEqual({ family: 'decimal', precision: 12, scale: 2 });
  });

  it('knows nothing of other types', () => {
    expect(physicalCapacity('CHAR(3)')).toBeUndefined();
    expect(physicalCapacity('TIMESTAMP')).toBeUndefined();
    expect(physicalCapacity('DECIMAL(2,4)')).toBeUndefined();
  });
});

describe('holdsEveryValue', () => {
  const cap = (type: string) => {
    const c = physicalCapacity(type);
    if (c === undefined) throw new Error(type);
    return c;
  };
  it.each([
    ['VARCHAR(10)', 'VARCHAR(10)', true],
    ['VARCHAR', 'VARCHAR(10)', false],
    ['SMALLINT', 'INTEGER', true],
    ['HUGEINT', 'BIGINT', false],
    ['INTEGER', 'DECIMAL(10,0)', true],
    ['BIGINT', 'DECIMAL(18,0)', false],
    ['INTEGER', 'DOUBLE', true],
    ['BIGINT', 'DOUBLE', false],
    ['SMALLINT', 'REAL', true],
    ['DECIMAL(10,2)', 'DOUBLE', false],
    ['DOUBLE', 'REAL', false],
  ])('%s -> %s: %s', (from, to, expected) => {
    expect(holdsEveryValue(cap(from), cap(to))).toBe(expected);
  });
});
