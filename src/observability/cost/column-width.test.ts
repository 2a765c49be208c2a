import { describe, expect, it } from 'vitest';
import { columnWidth, tableBytes } from './column-width.js';

describe('column widths', () => {
  it('counts fixed-width types at their width', () => {
    expect(columnWidth('BOOLEAN')).toBe(1);
    expect(columnWidth('integer')).toBe(4);
    expect(columnWidth('BIGINT')).toBe(8);
    expect(columnWidth('TIMESTAMP WITH TIME ZONE')).toBe(8);
    expect(columnWidth('UUID')).toBe(16);
  });

  it('sizes decimals by their precision', () => {
    expect(columnWidth('DECIMAL(4,2)')).toBe(2);
    expect(columnWidth('DECIMAL(10, 2)')).toBe(8);
    expect(columnWidth('NUMERIC(38,6)')).toBe(16);
    expect(columnWidth('DECIMAL')).toBe(8);
  });

  it('counts variable-width types at the 16-byte value header', () => {
    for (const type of ['VARCHAR', 'BLOB', 'JSON', 'VARCHAR[]', 'STRUCT(a INTEGER)']) {
      expect(columnWidth(type), type).toBe(16);
    }
  });

  it('multiplies rows by the row width', () => {
    expect(tableBytes(1000, ['BIGINT', 'VARCHAR', 'DOUBLE'])).toBe(32_000);
    expect(tableBytes(0, ['BIGINT'])).toBe(0);
    expect(tableBytes(10, [])).toBe(0);
  });
});
