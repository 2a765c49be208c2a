import { describe, expect, it } from 'vitest';
import {
  insertAcceptedSql,
  insertKeysSql,
  insertQuarantinedSql,
  mergeAcceptedSql,
  stageStreamSql,
  streamReaderSql,
} from './stream-statements.js';
import { unconsumedSql, writeOffsetSql } from './stream-tables.js';

const spec = {
  port: 'orders',
  columns: [
    { name: 'id', sqlType: 'VARCHAR', kind: 'text' as const, required: true },
    { name: 'qty', sqlType: 'INTEGER', kind: 'integer' as const, required: false },
  ],
  primaryKey: ['id'],
  maxRecords: 10,
  maxBytes: 1000,
  dedupWindowMs: undefined,
};
const target = { alias: 'p_x', spec, defaultSource: 'stream:orders' };

describe('stream statements', () => {
  it('reads the batch file with the contract columns as text and the bookkeeping fields', () => {
    const reader = streamReaderSql('/tmp/b.ndjson', spec.columns);
    expect(reader).toContain("read_json('/tmp/b.ndjson', format = 'newline_delimited'");
    expect(reader).toContain("'qty': 'VARCHAR'");
    expect(reader).toContain("'__meshplane_raw': 'JSON'");
  });

  it('stages with the shared validation, checks deletes on their key only, and finds stored keys by a semi-join', () => {
    const [pre, found, stage] = stageStreamSql(target, 'READER', [3, 9]);
    expect(pre).toContain('TRY_CAST("r"."qty" AS INTEGER) AS "__meshplane_t1"');
    expect(pre).toContain("'qty: ' || ''''");
    expect(pre).toMatch(
      /WHEN "r"."__meshplane_op" = 'delete' THEN NULLIF\(concat_ws\('; ', CASE WHEN "r"."id" IS NULL/,
    );
    expect(found).toBe(
      `CREATE OR REPLACE TEMP TABLE "__meshplane_stream_found" AS
SELECT key FROM "p_x"."_meshplane"."stream_keys" WHERE port = 'orders' AND key IN (SELECT "__meshplane_key" FROM "__meshplane_stream_pre" WHERE "__meshplane_key" IS NOT NULL)`,
    );
    expect(stage).toContain('CREATE OR REPLACE TEMP VIEW "__meshplane_stream_stage"');
    // Defaults of left-out bookkeeping are the SQL's; keys repeated within the batch come listed.
    expect(pre).toContain(`coalesce("r"."__meshplane_source", 'stream:orders') AS "__meshplane_source"`);
    expect(pre).toContain(`coalesce("r"."__meshplane_op", 'insert') AS "__meshplane_op"`);
    expect(stage).toContain(`("k".key IS NOT NULL OR "r"."__meshplane_idx" IN (3, 9)) AS "__meshplane_dup"`);
    expect(stageStreamSql(target, 'READER')[2]).toContain(`("k".key IS NOT NULL) AS "__meshplane_dup"`);
  });

  it('writes accepted rows, merges by the key, quarantines and stores keys of non-duplicates only', () => {
    expect(insertAcceptedSql(target, 7)).toContain(`"__meshplane_t0", "__meshplane_t1", 7 FROM`);
    expect(insertAcceptedSql(target, 7)).toContain(
      `WHERE NOT "__meshplane_dup" AND "__meshplane_reason" IS NULL AND "__meshplane_op" = 'insert'`,
    );
    const [remove, upsert] = mergeAcceptedSql(target, 7);
    expect(remove).toContain('WHERE "p_x"."input"."orders"."id" = "s"."__meshplane_t0"');
    expect(upsert).toContain(
      `QUALIFY row_number() OVER (PARTITION BY "__meshplane_t0" ORDER BY "__meshplane_idx" DESC) = 1`,
    );
    expect(mergeAcceptedSql({ ...target, spec: { ...spec, primaryKey: [] } }, 1)).toEqual([]);
    expect(insertQuarantinedSql(target, 5_000_000)).toContain('make_timestamp(5000000), NULL');
    expect(insertKeysSql(target, 9_000_000)).toContain(
      `make_timestamp(9000000) FROM "__meshplane_stream_stage"\nWHERE "__meshplane_key" IS NOT NULL AND NOT "__meshplane_dup"`,
    );
  });

  it('keeps the last checkpoint when a batch has none, and compares committed with consumed sequences', () => {
    expect(writeOffsetSql('p_x', 'orders', undefined, 3, 1)).toContain(
      'checkpoint = coalesce(excluded.checkpoint, checkpoint)',
    );
    expect(writeOffsetSql('p_x', "o'x", 'c', 3, 1)).toContain("VALUES ('o''x', 'c', 3, make_timestamp(1))");
    expect(unconsumedSql('p_x')).toContain('WHERE o.seq > coalesce(c.seq, 0)');
  });
});
