import { describe, expect, it } from 'vitest';
import {
  declareCursorSql,
  fetchSql,
  qualifiedName,
  quoteIdentifier,
  snapshotSql,
} from './postgres-dialect.js';

describe('postgres dialect', () => {
  it('quotes identifiers, doubling inner quotes', () => {
    expect(quoteIdentifier('Mixed "Case"')).toBe('"Mixed ""Case"""');
    expect(qualifiedName('legacy', 'order lines')).toBe('"legacy"."order lines"');
  });

  it('selects the snapshot columns in order, JSON ones through to_jsonb, in key order', () => {
    expect(
      snapshotSql(
        { schema: 'legacy', name: 'customers' },
        [
          { name: 'id', asJson: false },
          { name: 'tags', asJson: true },
          { name: 'Name', asJson: false },
        ],
        ['region', 'id'],
      ),
    ).toBe(
      'SELECT "id", to_jsonb("tags") AS "tags", "Name" FROM "legacy"."customers" ORDER BY "region", "id"',
    );
    expect(snapshotSql({ schema: 's', name: 't' }, [{ name: 'a', asJson: false }])).toBe(
      'SELECT "a" FROM "s"."t"',
    );
  });

  it('declares and fetches a cursor', () => {
    expect(declareCursorSql('snap', 'SELECT 1')).toBe('DECLARE "snap" NO SCROLL CURSOR FOR SELECT 1');
    expect(fetchSql('snap', 500)).toBe('FETCH FORWARD 500 FROM "snap"');
    expect(() => fetchSql('snap', 0)).toThrow(RangeError);
  });
});
