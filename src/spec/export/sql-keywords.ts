/**
 * Keywords that make a bare identifier unsafe. Both parsers descend from PostgreSQL's grammar,
 * so the lists share PostgreSQL's reserved, type/function-name and column-name keywords
 * (src/include/parser/kwlist.h, PostgreSQL 17). Column-name keywords (`time`, `int`) are legal
 * column names, but quoting them costs nothing and spares readers the grammar's corner cases.
 */
const POSTGRES_FAMILY = `
all analyse analyze and any array as asc asymmetric both case cast check collate column constraint
create current_catalog current_date current_role current_time current_timestamp current_user default
deferrable desc distinct do else end except false fetch for foreign from grant group having in
initially intersect into lateral leading limit localtime localtimestamp not null offset on only or
order placing primary references returning select session_user some symmetric system_user table then
to trailing true union unique user using variadic when where window with
authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull
join left like natural notnull outer overlaps right similar tablesample verbose
between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping
inout int integer interval json json_array json_arrayagg json_exists json_object json_objectagg
json_query json_scalar json_serialize json_table json_value least merge_action national nchar none
normalize nullif numeric out overlay position precision real row setof smallint substring time
timestamp treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest
xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable`;

/** DuckDB's own reserved and type/function-name keywords (`duckdb_keywords()`, 1.x). */
const DUCKDB_ONLY = `
anti asof describe generated glob grouping_id lambda map pivot pivot_longer pivot_wider positional
qualify semi show struct summarize try_cast unpivot columns`;

function words(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/).filter((w) => w !== '')));
}

export const POSTGRES_KEYWORDS = words(POSTGRES_FAMILY);
export const DUCKDB_KEYWORDS = words(POSTGRES_FAMILY, DUCKDB_ONLY);
