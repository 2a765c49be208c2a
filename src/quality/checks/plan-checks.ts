/**
 * The planner: a schema object's ODCS quality rules compiled into ONE aggregate query for every
 * library rule of the table (a single scan), one query per `sql` rule, and settled results for
 * the rules Meshplane does not run. Rules the table's own constraints decide are answered without
 * a column in the scan. Pure: data in, SQL text out.
 */
import { MeshplaneError } from '../../errors/index.js';
import type { Property, QualityRule, SchemaObject } from '../../spec/model/data-contract.js';
import { type CheckDialect, type CheckDialectName, checkDialect } from './check-dialect.js';
import type { AggregateQuery, CheckPlan, PlannedCheck } from './check-plan.js';
import { libraryMetricSql, ruleColumns } from './library-metric-sql.js';
import { ruleExpectation } from './rule-expectation.js';
import { sampleColumns } from './sample-sql.js';
import { resolveRuleQuery } from './sql-rule-query.js';
import { provingConstraint, type TableConstraint } from './table-constraints.js';

export interface PlanOptions {
  readonly dialect: CheckDialectName;
  /**
   * Where the table is, as name parts (`['p_sales_orders', 'main', 'orders']`); default: the
   * object's physical name alone.
   */
  readonly table?: readonly string[];
  /**
   * The table's PRIMARY KEY, UNIQUE and NOT NULL constraints as its engine's catalog states them
   * (constraint-catalog-sql.ts); default none. Never the contract's declarations: a rule is
   * answered from a constraint only because the engine refuses the rows it would count.
   */
  readonly constraints?: readonly TableConstraint[];
}

const ROW_COUNT_ALIAS = 'row_count';

interface RuleAt {
  readonly rule: QualityRule;
  /** Dotted property path for a nested property's rule; undefined for top-level rules. */
  readonly nested?: string;
}

/** Every rule of the object in contract order, nested properties' rules marked as such. */
function rulesOf(object: SchemaObject): RuleAt[] {
  const found: RuleAt[] = object.quality.map((rule) => ({ rule }));
  const walk = (property: Property, prefix: string | undefined) => {
    const name = prefix === undefined ? property.name : `${prefix}.${property.name}`;
    for (const rule of property.quality) found.push(prefix === undefined ? { rule } : { rule, nested: name });
    for (const child of property.properties) walk(child, name);
    if (property.items !== undefined) walk(property.items, name);
  };
  for (const property of object.properties) walk(property, undefined);
  return found;
}

/** The rule's name, else `<object>[.<property>].<metric or type>`; `#2`, `#3` for repeats. */
function ruleIds(object: SchemaObject, rules: readonly RuleAt[]): string[] {
  const seen = new Map<string, number>();
  return rules.map(({ rule, nested }) => {
    const subject = nested ?? rule.property;
    const base =
      rule.name !== undefined && rule.name.trim() !== ''
        ? rule.name
        : [object.name, subject, rule.metric ?? rule.type].filter((p) => p !== undefined).join('.');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  });
}

function tableParts(object: SchemaObject, table: readonly string[] | undefined): readonly string[] {
  const parts = table ?? [object.physicalName];
  if (parts.length === 0 || parts.some((p) => typeof p !== 'string' || p.trim() === ''))
    throw new MeshplaneError(
      'INVALID_INPUT',
      `quality checks of '${object.name}': the table name must be one or more non-empty parts, got ${JSON.stringify(parts)}`,
    );
  return parts;
}

function unitOf(rule: QualityRule): 'rows' | 'percent' | { error: string } {
  const unit = (rule.unit ?? 'rows').trim().toLowerCase();
  if (unit !== 'rows' && unit !== 'percent') return { error: `unit '${rule.unit}' is not rows or percent` };
  if (unit === 'percent' && rule.metric === 'rowCount')
    return { error: 'rowCount is counted in rows, not percent' };
  return unit;
}

interface Compiler {
  readonly dialect: CheckDialect;
  readonly object: SchemaObject;
  readonly table: string;
  /** Expression → alias, so two rules measuring the same thing share one aggregate column. */
  readonly metrics: Map<string, string>;
  readonly constraints: readonly TableConstraint[];
}

function settle(id: string, rule: QualityRule, status: 'not_run' | 'error', message: string): PlannedCheck {
  return { kind: 'settled', id, rule, status, message };
}

function compileLibrary(c: Compiler, id: string, rule: QualityRule): PlannedCheck {
  const metric = libraryMetricSql(c.dialect, c.object, rule);
  if ('error' in metric) return settle(id, rule, 'error', metric.error);
  const unit = unitOf(rule);
  if (typeof unit !== 'string') return settle(id, rule, 'error', unit.error);
  const expectation = ruleExpectation(rule);
  if ('error' in expectation) return settle(id, rule, 'error', expectation.error);
  // libraryMetricSql refuses a rule without a metric, so it is set here.
  const measures = rule.metric ?? 'rowCount';
  const columns = ruleColumns(c.object, rule);
  const constraint =
    columns === undefined
      ? undefined
      : provingConstraint(c.constraints, measures, columns, c.dialect.sameIdentifier);
  if (constraint !== undefined)
    return { kind: 'proven', id, rule, metric: measures, unit, expectation, constraint };
  let alias = ROW_COUNT_ALIAS;
  if (metric.expression !== undefined) {
    alias = c.metrics.get(metric.expression) ?? `m${c.metrics.size + 1}`;
    c.metrics.set(metric.expression, alias);
  }
  return {
    kind: 'library',
    id,
    rule,
    metric: measures,
    unit,
    alias,
    expectation,
    ...(metric.failing === undefined ? {} : { failing: metric.failing }),
  };
}

function compileSql(c: Compiler, id: string, rule: QualityRule): PlannedCheck {
  let column: string | undefined;
  if (rule.property !== undefined) {
    const property = c.object.properties.find((p) => p.name === rule.property);
    if (property === undefined)
      return settle(id, rule, 'error', `property '${rule.property}' is not in '${c.object.name}'`);
    column = c.dialect.quoteIdentifier(property.physicalName);
  }
  const query = resolveRuleQuery(rule.query, { table: c.table, column });
  if ('error' in query) return settle(id, rule, 'error', query.error);
  const expectation = ruleExpectation(rule);
  if ('error' in expectation) return settle(id, rule, 'error', expectation.error);
  const single = c.dialect.singleQuerySql(query.sql);
  return { kind: 'sql', id, rule, sql: single.sql, params: single.params, expectation };
}

function compile(c: Compiler, id: string, { rule, nested }: RuleAt): PlannedCheck {
  switch (rule.type) {
    case 'custom':
      return settle(
        id,
        rule,
        'not_run',
        `a custom rule for ${rule.engine === undefined ? 'an unnamed engine' : `engine '${rule.engine}'`} is run by that engine, not by Meshplane`,
      );
    case 'text':
      return settle(id, rule, 'not_run', 'a text rule describes quality in words; there is nothing to run');
    default:
      break;
  }
  if (nested !== undefined)
    return settle(
      id,
      rule,
      'not_run',
      `rules on nested property '${nested}' are not run; Meshplane measures top-level columns`,
    );
  return rule.type === 'sql' ? compileSql(c, id, rule) : compileLibrary(c, id, rule);
}

function aggregateQuery(
  dialect: CheckDialect,
  table: string,
  metrics: ReadonlyMap<string, string>,
): AggregateQuery {
  const list = [...metrics].map(([expression, alias]) => ({ alias, expression }));
  const columns = [
    `count(*) AS ${dialect.quoteIdentifier(ROW_COUNT_ALIAS)}`,
    ...list.map((m) => `${m.expression} AS ${dialect.quoteIdentifier(m.alias)}`),
  ];
  return { sql: `SELECT ${columns.join(',\n  ')}\nFROM ${table}`, metrics: list };
}

/** Compiles the quality rules of one schema object (one table) for a dialect. */
export function planChecks(object: SchemaObject, options: PlanOptions): CheckPlan {
  const dialect = checkDialect(options.dialect);
  const parts = tableParts(object, options.table);
  const table = dialect.qualifiedName(...parts);
  const compiler: Compiler = {
    dialect,
    object,
    table,
    metrics: new Map(),
    constraints: options.constraints ?? [],
  };
  const rules = rulesOf(object);
  const ids = ruleIds(object, rules);
  const checks = rules.map((at, i) => compile(compiler, ids[i] ?? String(i), at));
  const hasLibrary = checks.some((c) => c.kind === 'library');
  return {
    dialect: options.dialect,
    object: object.name,
    table,
    tableParts: parts,
    ...(hasLibrary ? { aggregate: aggregateQuery(dialect, table, compiler.metrics) } : {}),
    rowCountAlias: ROW_COUNT_ALIAS,
    checks,
    sampleColumns: sampleColumns(object),
  };
}
