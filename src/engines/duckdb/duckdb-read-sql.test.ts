import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../column-spec.js';
import { describeReaderSql, readFileSql } from './duckdb-read-sql.js';

const columns: ColumnSpec[] = [
  { name: 'id', sqlType: 'VARCHAR', kind: 'text', required: true },
  { name: 'tags', sqlType: 'VARCHAR[]', kind: 'composite', required: false },
];

describe('readFileSql', () => {
  it('reads CSV as text with the declared dialect', () => {
    const csv = { format: 'csv', delimiter: ';', header: true, quote: '"', escape: '"' } as const;
    expect(readFileSql("/d/it's.csv", csv, columns)).toBe(
      `read_csv('/d/it''s.csv', all_varchar = true, header = true, delim = ';', quote = '"', escape = '"')`,
    );
    expect(readFileSql('/d/a.csv', { ...csv, header: false }, columns)).toContain("names = ['id', 'tags']");
  });

  it('reads JSON with the contract columns named: scalars as text, composites as JSON', () => {
    expect(readFileSql('/d/a.ndjson', { format: 'json', newlineDelimited: true }, columns)).toBe(
      `read_json('/d/a.ndjson', format = 'newline_delimited', records = true, columns = {'id': 'VARCHAR', 'tags': 'JSON'})`,
    );
    expect(readFileSql('/d/a.json', { format: 'json', newlineDelimited: false }, columns)).toContain(
      "format = 'auto'",
    );
  });

  it('reads Parquet as it is typed', () => {
    expect(readFileSql('/d/a.parquet', { format: 'parquet' }, columns)).toBe("read_parquet('/d/a.parquet')");
    expect(describeReaderSql("read_parquet('x')")).toBe(`DESCRIBE SELECT * FROM read_parquet('x')`);
  });
});
