/**
 * The query of an ODCS `sql` rule with its placeholders resolved. Pure.
 *
 * ODCS writes the current table as `{object}` (v3.1 text) or `${table}` / `{table}` (the JSON
 * Schema's and the operator section's examples), and the current column as `{property}`,
 * `${column}` or `{column}`; every spelling, with or without `$`, is accepted. The table becomes
 * the quoted, qualified name the rules run on; the column the quoted physical name of the rule's
 * property. Any other `${NAME}` is a variable (ODCS v3.2 variables) that Meshplane does not
 * resolve, and is reported rather than sent to the engine.
 */

const PLACEHOLDER = /\$?\{\s*(object|table|property|column)\s*\}/g;
const VARIABLE = /\$\{([^}]*)\}/;

export interface RuleQueryNames {
  /** The quoted, qualified table. */
  readonly table: string;
  /** The quoted column of the rule's property; undefined for a schema-level rule. */
  readonly column: string | undefined;
}

/** The runnable query text (trailing semicolons removed), or why it cannot be run. */
export function resolveRuleQuery(
  query: string | undefined,
  names: RuleQueryNames,
): { sql: string } | { error: string } {
  const text = (query ?? '').trim().replace(/[;\s]+$/, '');
  if (text === '') return { error: 'a sql rule needs a query' };
  let unresolved: string | undefined;
  const sql = text.replace(PLACEHOLDER, (token, name: string) => {
    if (name === 'object' || name === 'table') return names.table;
    if (names.column !== undefined) return names.column;
    unresolved ??= token;
    return token;
  });
  if (unresolved !== undefined)
    return { error: `the query uses ${unresolved}, but the rule is on the schema object, not on a property` };
  const variable = VARIABLE.exec(sql);
  if (variable !== null)
    return {
      error: `the query uses \${${variable[1]}}, which Meshplane cannot resolve (known: {object}, {property})`,
    };
  return { sql };
}
