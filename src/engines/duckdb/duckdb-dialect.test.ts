import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import {
  columnKind,
  columnType,
  qualifiedName,
  quoteIdentifier,
  quoteLiteral,
  valueLiteral,
} from './duckdb-dialect.js';

function properties(yaml: string) {
  const contract = normalizeContract(
    parse(
      `apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: t\n    properties:\n${yaml}`,
    ),
  );
  return contract.schema[0]?.properties ?? [];
}

describe('quoting', () => {
  it('always quotes identifiers and doubles inner quotes; drops NUL', () => {
    expect(quoteIdentifier('order_id')).toBe('"order_id"');
    expect(quoteIdentifier('we"ird')).toBe('"we""ird"');
    expect(quoteIdentifier('a\u0000b')).toBe('"ab"');
    expect(qualifiedName('p_x', 'main', 'Orders')).toBe('"p_x"."main"."Orders"');
  });

  it('writes string literals with single quotes doubled, backslashes literal', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('C:\\data')).toBe("'C:\\data'");
    expect(valueLiteral(3)).toBe('3');
    expect(valueLiteral(true)).toBe('TRUE');
    expect(valueLiteral('x')).toBe("'x'");
    expect(valueLiteral(Number.NaN)).toBe("'NaN'");
  });
});

describe('column types', () => {
  it('uses the physical type when DuckDB has it and it fits, else the logical type', () => {
    const props = properties(`
      - { name: a, logicalType: string, physicalType: string }
      - { name: b, logicalType: number, physicalType: 'DECIMAL(10,2)' }
      - { name: c, logicalType: number, physicalType: number }
      - { name: d, logicalType: timestamp, physicalType: string }
      - { name: e, logicalType: integer, physicalType: INTEGER }
      - { name: f, logicalType: integer }
      - { name: g, logicalType: array, items: { logicalType: string } }
      - { name: h, logicalType: object, properties: [{ name: x, logicalType: integer }] }
      - { name: i }
      - { name: j, logicalType: string, physicalType: 'varchar; drop table x' }
`);
    expect(props.map(columnType)).toEqual([
      'STRING',
      'DECIMAL(10,2)',
      'DOUBLE',
      'TIMESTAMP',
      'INTEGER',
      'BIGINT',
      'VARCHAR[]',
      'STRUCT(x BIGINT)',
      'VARCHAR',
      'VARCHAR',
    ]);
  });

  it('classifies DuckDB types by what they hold', () => {
    expect(
      [
        'VARCHAR',
        'STRING',
        'INTEGER',
        'BIGINT',
        'DECIMAL(10,2)',
        'DOUBLE',
        'BOOLEAN',
        'DATE',
        'TIMESTAMP',
      ].map(columnKind),
    ).toEqual(['text', 'text', 'integer', 'integer', 'number', 'number', 'boolean', 'temporal', 'temporal']);
    expect(['VARCHAR[]', 'STRUCT("x" BIGINT)', 'JSON', 'UUID'].map(columnKind)).toEqual([
      'composite',
      'composite',
      'composite',
      'other',
    ]);
  });
});
