import { describe, expect, it } from 'vitest';
import type { Property } from '../spec/model/data-contract.js';
import { normalizeContract } from '../spec/model/normalize-contract.js';
import { csvEncoder, ndjsonEncoder } from './row-encoder.js';

function properties(list: readonly Record<string, unknown>[]): readonly Property[] {
  return normalizeContract({ schema: [{ name: 't', properties: list }] }).schema[0]?.properties ?? [];
}

const PROPS = properties([
  { name: 'id', physicalName: 'ID', logicalType: 'string' },
  { name: 'price', logicalType: 'number', physicalType: 'DECIMAL(10,2)' },
  { name: 'amount', logicalType: 'number', physicalType: 'number' },
  { name: 'qty', logicalType: 'integer' },
  { name: 'ok', logicalType: 'boolean' },
  { name: 'at_sql', logicalType: 'timestamp', physicalType: 'TIMESTAMP' },
  { name: 'at_text', logicalType: 'timestamp', physicalType: 'string' },
  { name: 'born', logicalType: 'date' },
]);

const AT = Date.UTC(2025, 0, 3, 11, 47, 0);
const ROW = { id: 'a,"b"', price: 19.9, amount: 4.9, qty: 2, ok: true, at_sql: AT, at_text: AT, born: null };
const never = () => {
  throw new Error('no column is missing');
};

describe('csvEncoder', () => {
  it('writes the physical names, then values as the sample files do', () => {
    const encoder = csvEncoder(PROPS, { header: true, delimiter: ',' }, never);
    expect(encoder.header).toBe('ID,price,amount,qty,ok,at_sql,at_text,born\n');
    expect(encoder.encode(ROW)).toBe(
      '"a,""b""",19.90,4.9,2,true,2025-01-03 11:47:00,2025-01-03T11:47:00Z,\n',
    );
  });

  it('follows the port: another delimiter, no header', () => {
    const encoder = csvEncoder(PROPS.slice(0, 2), { header: false, delimiter: ';' }, never);
    expect(encoder.header).toBeUndefined();
    expect(encoder.encode({ id: 'a,b', price: 1 })).toBe('a,b;1.00\n');
    expect(encoder.encode({ id: 'a;b', price: 1 })).toBe('"a;b";1.00\n');
  });

  it('asks for the values of columns the row does not have', () => {
    const encoder = csvEncoder(PROPS.slice(0, 2), { header: true, delimiter: ',' }, (p) => `<${p.name}>`);
    expect(encoder.encode({ price: 3 })).toBe('<id>,3.00\n');
  });
});

describe('ndjsonEncoder', () => {
  it('writes one object per line, numbers bare, instants as text, missing as null', () => {
    const line = ndjsonEncoder(PROPS, never).encode(ROW);
    expect(line.endsWith('}\n')).toBe(true);
    expect(line).toContain('"price":19.90,"amount":4.9,"qty":2,"ok":true');
    expect(JSON.parse(line)).toEqual({
      ID: 'a,"b"',
      price: 19.9,
      amount: 4.9,
      qty: 2,
      ok: true,
      at_sql: '2025-01-03 11:47:00',
      at_text: '2025-01-03T11:47:00Z',
      born: null,
    });
  });

  it('quotes a bad value in a number column rather than writing broken JSON', () => {
    const line = ndjsonEncoder(PROPS.slice(3, 4), never).encode({ qty: 'unknown' });
    expect(JSON.parse(line)).toEqual({ qty: 'unknown' });
  });
});
