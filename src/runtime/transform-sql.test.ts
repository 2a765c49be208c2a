import { describe, expect, it } from 'vitest';
import { duplicateKeySql, resultTableSql, transformBody, writeResultSql } from './transform-sql.js';

describe('transform SQL', () => {
  it('keeps the team SQL intact from line 2, without trailing semicolons', () => {
    expect(transformBody('select 1;\n  ;\n')).toBe('select 1');
    expect(resultTableSql('select 1 -- the end')).toBe(
      'CREATE OR REPLACE TEMP TABLE "__meshplane_result" AS\nselect 1 -- the end\n',
    );
  });

  it('writes by refresh mode', () => {
    const table = ['p_x', 'main', 'orders'] as const;
    expect(writeResultSql(table, 'full')).toEqual([
      'DELETE FROM "p_x"."main"."orders"',
      'INSERT INTO "p_x"."main"."orders" BY NAME SELECT * FROM "__meshplane_result"',
    ]);
    expect(writeResultSql(table, 'append')).toEqual([
      'INSERT INTO "p_x"."main"."orders" BY NAME SELECT * FROM "__meshplane_result"',
    ]);
    expect(writeResultSql(table, 'merge')).toEqual([
      'INSERT OR REPLACE INTO "p_x"."main"."orders" BY NAME SELECT * FROM "__meshplane_result"',
    ]);
    expect(duplicateKeySql(['a', 'b'])).toBe(
      'SELECT "a", "b", count(*) AS n FROM "__meshplane_result" GROUP BY ALL HAVING count(*) > 1 LIMIT 1',
    );
  });
});
