import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import type { Property } from '../../spec/model/data-contract.js';
import { DUCKDB_CHECK_DIALECT, POSTGRES_CHECK_DIALECT } from './check-dialect.js';
import { isProtected, sampleLimit, sampleSql } from './sample-sql.js';

const COLUMNS = [
  { name: 'id', masked: false },
  { name: 'email', masked: true },
  { name: 'status', masked: false },
];

describe('sampleSql', () => {
  it('selects the failing rows with protected columns as the literal ***, bounded by LIMIT', () => {
    expect(
      sampleSql(
        DUCKDB_CHECK_DIALECT,
        '"p"."main"."t"',
        COLUMNS,
        { kind: 'where', predicate: '"status" IS NULL' },
        10,
      ),
    ).toBe(`SELECT "id", '***' AS "email", "status" FROM "p"."main"."t" WHERE "status" IS NULL LIMIT 10`);
  });

  it('shows every row of a repeated value, grouped by the keys that are not protected', () => {
    expect(
      sampleSql(
        POSTGRES_CHECK_DIALECT,
        '"s"."t"',
        COLUMNS,
        { kind: 'duplicates', columns: ['"email"', '"status"'] },
        5,
      ),
    ).toBe(
      `SELECT "id", '***' AS "email", "status" FROM (SELECT *, count(*) OVER (PARTITION BY "email", "status") AS "meshplane_repeats" ` +
        `FROM "s"."t" WHERE "email" IS NOT NULL AND "status" IS NOT NULL) AS "repeated" WHERE "meshplane_repeats" > 1 ` +
        `ORDER BY "repeated"."status" LIMIT 5`,
    );
  });
});

describe('sampleLimit', () => {
  it('defaults to 10, caps at 100, accepts 0 (no samples)', () => {
    expect([undefined, 0, 1, 100, 101, 1_000_000].map(sampleLimit)).toEqual([10, 0, 1, 100, 100, 100]);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d with INVALID_INPUT', (limit) => {
    expect(() => sampleLimit(limit)).toThrow(MeshplaneError);
    expect(() => sampleLimit(limit)).toThrow(/sample limit must be a whole number from 0 to 100/);
  });
});

describe('isProtected', () => {
  const property = (fields: Partial<Property>): Property =>
    ({ name: 'c', physicalName: 'c', customProperties: [], ...fields }) as Property;

  it('protects every classification but public, and pii custom properties', () => {
    expect(isProtected(property({}))).toBe(false);
    expect(isProtected(property({ classification: 'public' }))).toBe(false);
    expect(isProtected(property({ classification: ' Public ' }))).toBe(false);
    for (const classification of ['internal', 'confidential', 'restricted', 'secret', 'anything else'])
      expect(isProtected(property({ classification })), classification).toBe(true);
    expect(isProtected(property({ customProperties: [{ property: 'pii', value: true }] }))).toBe(true);
    expect(isProtected(property({ customProperties: [{ property: 'PII', value: 'true' }] }))).toBe(true);
    expect(isProtected(property({ customProperties: [{ property: 'pii', value: false }] }))).toBe(false);
  });
});
