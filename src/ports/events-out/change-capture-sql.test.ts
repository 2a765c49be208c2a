import { describe, expect, it } from 'vitest';
import { beforeWriteSql, type CaptureTarget, insertChangesSql } from './change-capture-sql.js';

const target = (mode: CaptureTarget['mode'], primaryKey: string[] = ['id']): CaptureTarget => ({
  table: ['p_s', 'main', 'orders'],
  result: '__meshplane_result',
  mode,
  primaryKey,
});

describe('change capture SQL', () => {
  it('keeps the rows a merge may replace, found by key', () => {
    expect(beforeWriteSql(target('merge', ['a', 'b']))).toEqual([
      'CREATE OR REPLACE TEMP TABLE "__meshplane_before" AS SELECT t.* FROM "p_s"."main"."orders" AS t SEMI JOIN "__meshplane_result" AS r ON t."a" = r."a" AND t."b" = r."b"',
    ]);
  });

  it('keeps what an append stores: the result cast to the table', () => {
    expect(beforeWriteSql(target('append'))).toEqual([
      'CREATE OR REPLACE TEMP TABLE "__meshplane_before" AS SELECT * FROM "p_s"."main"."orders" LIMIT 0',
      'INSERT INTO "__meshplane_before" BY NAME SELECT * FROM "__meshplane_result"',
    ]);
  });

  it('numbers changes on from the last offset, deletes before upserts in a keyed full refresh', () => {
    const sql = insertChangesSql('p_s', target('full'));
    expect(sql).toMatch(
      /^INSERT INTO "p_s"."_meshplane"."changes" \("offset", "port", "op", "key", "row", "run_id", "at"\)/,
    );
    expect(sql).toContain(
      '(SELECT coalesce(max("offset"), 0) FROM "p_s"."_meshplane"."changes") + row_number() OVER (ORDER BY x.grp, x.ord)',
    );
    expect(sql).toContain(`SELECT 0 AS grp`);
    expect(sql).toContain(`'delete' AS "op", to_json(struct_pack("id" := d."id"))`);
    expect(sql).toContain('SELECT * FROM "p_s"."main"."orders" EXCEPT SELECT * FROM "__meshplane_before"');
  });

  it('logs a reset and every row for a full refresh without a key, only when the contents changed', () => {
    const sql = insertChangesSql('p_s', target('full', []));
    expect(sql).toContain(`'reset' AS "op"`);
    expect(sql).toContain('EXCEPT ALL');
    expect(sql).not.toContain('struct_pack');
  });
});
