/**
 * The SQL that turns a transform's write into rows of `_meshplane.changes`. Pure. It runs in the
 * transform's transaction around the write (`writeResultSql`): `beforeWriteSql` keeps what the
 * write is about to change in a session temp table, `insertChangesSql` compares the output table
 * after the write with it and appends one change per row that differs:
 *
 * - `append`: every inserted row (as stored: the result cast to the table's columns);
 * - `merge`: each row of the result's keys whose stored values are new or differ from before;
 * - `full` with a primary key: the diff by key: rows deleted, rows inserted or changed;
 * - `full` without a key: rows cannot be told apart, so when the contents changed at all (as a
 *   multiset) the log gets one `reset` followed by every row; an unchanged refresh logs nothing.
 */
import { qualifiedName, quoteIdentifier } from '../../engines/duckdb/index.js';
import type { RefreshMode } from '../../runtime/runtime-product.js';
import {
  CHANGES_PRUNED_TABLE,
  CHANGES_TABLE,
  PUBLISH_CURSORS_TABLE,
  SUBSCRIPTIONS_TABLE,
  SYSTEM_SCHEMA,
} from '../../runtime/storage-layout.js';

/** The rows the write may replace (merge, full) or the rows it inserts (append). */
export const BEFORE_TABLE = '__meshplane_before';

/** What the change capture needs to know of the output port and the transform's result. */
export interface CaptureTarget {
  /** `[catalog, schema, table]` of the output port's table. */
  readonly table: readonly [string, string, string];
  /** The session temp table holding the transform's result. */
  readonly result: string;
  readonly mode: RefreshMode;
  readonly primaryKey: readonly string[];
}

const q = quoteIdentifier;

function keyJoin(left: string, right: string, keys: readonly string[]): string {
  return keys.map((k) => `${left}.${q(k)} = ${right}.${q(k)}`).join(' AND ');
}

function keyJson(alias: string, keys: readonly string[]): string {
  if (keys.length === 0) return 'CAST(NULL AS JSON)';
  return `to_json(struct_pack(${keys.map((k) => `${q(k)} := ${alias}.${q(k)}`).join(', ')}))`;
}

/** Statements to run before the write, in its transaction. */
export function beforeWriteSql(target: CaptureTarget): string[] {
  const table = qualifiedName(...target.table);
  const before = q(BEFORE_TABLE);
  switch (target.mode) {
    case 'append':
      // What INSERT BY NAME will store: the result cast to the table's columns, in result order.
      return [
        `CREATE OR REPLACE TEMP TABLE ${before} AS SELECT * FROM ${table} LIMIT 0`,
        `INSERT INTO ${before} BY NAME SELECT * FROM ${q(target.result)}`,
      ];
    case 'merge':
      return [
        `CREATE OR REPLACE TEMP TABLE ${before} AS SELECT t.* FROM ${table} AS t SEMI JOIN ${q(target.result)} AS r ON ${keyJoin('t', 'r', target.primaryKey)}`,
      ];
    case 'full':
      return [`CREATE OR REPLACE TEMP TABLE ${before} AS SELECT * FROM ${table}`];
  }
}

/** The changes as `(grp, ord, op, key, row)`: logged in `grp` then `ord` order. */
function changeRowsSql(target: CaptureTarget): string {
  const table = qualifiedName(...target.table);
  const before = q(BEFORE_TABLE);
  const keys = target.primaryKey;
  const upserts = (from: string) =>
    `SELECT 1 AS grp, row_number() OVER (ORDER BY CAST(${keyJson('c', keys)} AS VARCHAR), CAST(to_json(c) AS VARCHAR)) AS ord, 'upsert' AS "op", ${keyJson('c', keys)} AS "key", to_json(c) AS "row" FROM (${from}) AS c`;
  switch (target.mode) {
    case 'append':
      return `SELECT 1 AS grp, row_number() OVER (ORDER BY c.rowid) AS ord, 'upsert' AS "op", ${keyJson('c', keys)} AS "key", to_json(c) AS "row" FROM ${before} AS c`;
    case 'merge':
      return upserts(
        `SELECT n.* FROM ${table} AS n SEMI JOIN ${q(target.result)} AS r ON ${keyJoin('n', 'r', keys)} EXCEPT SELECT * FROM ${before}`,
      );
    case 'full': {
      if (keys.length > 0) {
        const keyList = keys.map(q).join(', ');
        const deletes = `SELECT 0 AS grp, row_number() OVER (ORDER BY CAST(${keyJson('d', keys)} AS VARCHAR)) AS ord, 'delete' AS "op", ${keyJson('d', keys)} AS "key", CAST(NULL AS JSON) AS "row" FROM (SELECT ${keyList} FROM ${before} EXCEPT SELECT ${keyList} FROM ${table}) AS d`;
        return `${deletes} UNION ALL ${upserts(`SELECT * FROM ${table} EXCEPT SELECT * FROM ${before}`)}`;
      }
      const changed = `(EXISTS (SELECT * FROM ${table} EXCEPT ALL SELECT * FROM ${before}) OR EXISTS (SELECT * FROM ${before} EXCEPT ALL SELECT * FROM ${table}))`;
      const reset = `SELECT 0 AS grp, 0 AS ord, 'reset' AS "op", CAST(NULL AS JSON) AS "key", CAST(NULL AS JSON) AS "row" WHERE ${changed}`;
      const rows = `SELECT 1 AS grp, row_number() OVER (ORDER BY c.rowid) AS ord, 'upsert' AS "op", CAST(NULL AS JSON) AS "key", to_json(c) AS "row" FROM ${table} AS c WHERE ${changed}`;
      return `${reset} UNION ALL ${rows}`;
    }
  }
}

/**
 * Appends the changes after the write, numbered on from the log's last offset (the caller holds
 * the product's lock, so `max + 1` is never taken twice). Parameters: `$1` port, `$2` run id,
 * `$3` time in microseconds since the epoch (UTC).
 */
export function insertChangesSql(catalog: string, target: CaptureTarget): string {
  const changes = qualifiedName(catalog, SYSTEM_SCHEMA, CHANGES_TABLE);
  return `INSERT INTO ${changes} ("offset", "port", "op", "key", "row", "run_id", "at")
SELECT (SELECT coalesce(max("offset"), 0) FROM ${changes}) + row_number() OVER (ORDER BY x.grp, x.ord),
  $1, x."op", x."key", x."row", $2, make_timestamp(CAST($3 AS BIGINT))
FROM (${changeRowsSql(target)}) AS x`;
}

/** Frees the session's copy once the changes are logged. */
export function afterCaptureSql(): string {
  return `DROP TABLE IF EXISTS ${q(BEFORE_TABLE)}`;
}

/**
 * The port's retention, in the transform's transaction: changes logged before `$2` (epoch
 * microseconds) go, but never one a webhook subscription or a publisher of the port has not
 * passed (`published`: whether the port publishes, so a publisher that has not started yet holds
 * everything); then the last offset removed is kept, so a reader resuming before it is told.
 * Parameters: `$1` the port.
 */
export function pruneChangesSql(alias: string, published: boolean): string[] {
  const table = (name: string) => qualifiedName(alias, SYSTEM_SCHEMA, name);
  const noLimit = '9223372036854775807';
  const publisher = published
    ? `coalesce((SELECT min("cursor") FROM ${table(PUBLISH_CURSORS_TABLE)} WHERE "port" = $1), 0)`
    : noLimit;
  const held = `least(coalesce((SELECT min("cursor") FROM ${table(SUBSCRIPTIONS_TABLE)} WHERE "port" = $1), ${noLimit}), ${publisher})`;
  const removable = `"port" = $1 AND "at" < make_timestamp(CAST($2 AS BIGINT)) AND "offset" <= ${held}`;
  return [
    `INSERT INTO ${table(CHANGES_PRUNED_TABLE)} ("port", "through")
SELECT $1, max("offset") FROM ${table(CHANGES_TABLE)} WHERE ${removable} HAVING count(*) > 0
ON CONFLICT ("port") DO UPDATE SET "through" = greatest("through", excluded."through")`,
    `DELETE FROM ${table(CHANGES_TABLE)} WHERE ${removable}`,
  ];
}
