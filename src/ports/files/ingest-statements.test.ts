import { describe, expect, it } from 'vitest';
import {
  deleteVersionSql,
  type IngestTarget,
  insertAcceptedSql,
  insertQuarantinedSql,
  missingRequiredColumns,
  stageSql,
} from './ingest-statements.js';

const target: IngestTarget = {
  alias: 'p_s',
  port: 'raw',
  columns: [
    { name: 'id', sqlType: 'VARCHAR', kind: 'text', required: true },
    { name: 'n', sqlType: 'INTEGER', kind: 'integer', required: false },
    { name: 'gone', sqlType: 'DATE', kind: 'temporal', required: false },
  ],
  staged: new Map([
    ['id', 'ID'],
    ['n', 'n'],
  ]),
};

describe('ingest statements', () => {
  it('stages the file once: typed columns, the reason over them, and the raw record of rejected rows', () => {
    const sql = stageSql(target, "read_csv('/d/a.csv')");
    expect(sql).toMatch(
      /^CREATE OR REPLACE TEMP TABLE "__meshplane_stage" AS\nSELECT "__meshplane_0", "__meshplane_1", "__meshplane_2", "__meshplane_reason",\n {2}CASE WHEN "__meshplane_reason" IS NOT NULL THEN to_json\(struct_pack\("ID" := "__meshplane_row"\."ID", "n" := "__meshplane_row"\."n"\)\) END AS "__meshplane_record"\nFROM \(\n {2}SELECT "__meshplane_row"\.\*, NULLIF\(concat_ws\('; ', CASE .* END\), ''\) AS "__meshplane_reason"\n {2}FROM \(SELECT "__meshplane_row"\.\*, TRY_CAST\("__meshplane_row"\."ID" AS VARCHAR\) AS "__meshplane_0", TRY_CAST\("__meshplane_row"\."n" AS INTEGER\) AS "__meshplane_1", CAST\(NULL AS DATE\) AS "__meshplane_2" FROM read_csv\('\/d\/a.csv'\) AS "__meshplane_row"\) AS "__meshplane_row"\n\) AS "__meshplane_row"$/s,
    );
    // Checks read the file's own column names and reuse the cast value; a missing column has none.
    expect(sql).toContain('WHEN "__meshplane_row"."ID" IS NULL THEN \'id: a value is required\'');
    expect(sql).toContain(
      'WHEN "__meshplane_row"."n" IS NOT NULL AND "__meshplane_row"."__meshplane_1" IS NULL',
    );
  });

  it('inserts accepted rows as staged, tagged with the file version', () => {
    expect(
      insertAcceptedSql(target, 7),
    ).toBe(`INSERT INTO "p_s"."input"."raw" ("id", "n", "gone", "_meshplane_file")
SELECT "__meshplane_row"."__meshplane_0", "__meshplane_row"."__meshplane_1", "__meshplane_row"."__meshplane_2", 7
FROM "__meshplane_stage" AS "__meshplane_row"
WHERE "__meshplane_row"."__meshplane_reason" IS NULL`);
  });

  it('quarantines the others with position, reason and the record as read', () => {
    expect(
      insertQuarantinedSql(target, 7, "/d/it's.csv", 1_700_000_000_000_000),
    ).toBe(`INSERT INTO "p_s"."_meshplane"."quarantine" (id, port, source, position, reason, record, quarantined_at, file_id)
SELECT (SELECT coalesce(max(id), 0) FROM "p_s"."_meshplane"."quarantine") + row_number() OVER (ORDER BY "__meshplane_row".rowid),
  'raw', '/d/it''s.csv', "__meshplane_row".rowid + 1, "__meshplane_row"."__meshplane_reason",
  "__meshplane_row"."__meshplane_record", make_timestamp(1700000000000000), 7
FROM "__meshplane_stage" AS "__meshplane_row"
WHERE "__meshplane_row"."__meshplane_reason" IS NOT NULL`);
  });

  it('removes what a replaced version stored', () => {
    expect(deleteVersionSql(target, 3)).toEqual([
      'DELETE FROM "p_s"."input"."raw" WHERE "_meshplane_file" = 3',
      'DELETE FROM "p_s"."_meshplane"."quarantine" WHERE file_id = 3',
    ]);
  });

  it('names required columns the file lacks', () => {
    expect(missingRequiredColumns(target)).toEqual([]);
    expect(missingRequiredColumns({ ...target, staged: new Map() })).toEqual(['id']);
  });
});
