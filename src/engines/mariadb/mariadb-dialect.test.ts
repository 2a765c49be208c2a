import { describe, expect, it } from 'vitest';
import { parseEnumValues, qualifiedName, quoteIdentifier, snapshotSql } from './mariadb-dialect.js';

describe('mariadb dialect', () => {
  it('quotes identifiers with backticks, doubling inner ones', () => {
    expect(quoteIdentifier('odd`name')).toBe('`odd``name`');
    expect(qualifiedName('shop', 'order lines')).toBe('`shop`.`order lines`');
  });

  it('selects the snapshot columns in order, in key order', () => {
    expect(snapshotSql({ database: 'shop', name: 'customers' }, ['id', 'Name'], ['region', 'id'])).toBe(
      'SELECT `id`, `Name` FROM `shop`.`customers` ORDER BY `region`, `id`',
    );
    expect(snapshotSql({ database: 'd', name: 't' }, ['a'])).toBe('SELECT `a` FROM `d`.`t`');
  });

  it('reads enum values from COLUMN_TYPE, quotes and escapes included', () => {
    expect(parseEnumValues("enum('sad','ok','it''s fine','a,b','back\\\\slash','')")).toEqual([
      'sad',
      'ok',
      "it's fine",
      'a,b',
      'back\\slash',
      '',
    ]);
    expect(parseEnumValues("ENUM('A')")).toEqual(['A']);
    expect(parseEnumValues("set('a','b')")).toBeUndefined();
    expect(parseEnumValues('varchar(10)')).toBeUndefined();
  });
});
