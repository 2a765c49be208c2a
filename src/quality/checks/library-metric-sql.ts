/**
 * The SQL of one ODCS library metric: an aggregate expression for the table's single scan, and
 * the predicate that names the failing rows (for samples). Pure; every name is quoted and every
 * value written as a literal by the dialect.
 *
 * Semantics (CONTEXT.md):
 * - nullValues: rows whose value is NULL.
 * - missingValues: NULL, `''`, and every value of `arguments.missingValues`, compared as text.
 * - invalidValues: non-NULL values outside `arguments.validValues` or not fully matching
 *   `arguments.pattern` (with both, a value must satisfy both). NULL is missing, never invalid.
 * - duplicateValues: non-NULL values (tuples with no NULL, for `arguments.properties`) minus the
 *   distinct ones: the rows that repeat an earlier value.
 */
import type { Property, QualityRule, SchemaObject } from '../../spec/model/data-contract.js';
import type { CheckDialect } from './check-dialect.js';

/** How a failed rule's rows are found again for samples. */
export type FailingRows =
  | { readonly kind: 'where'; readonly predicate: string }
  | { readonly kind: 'duplicates'; readonly columns: readonly string[] };

export interface MetricSql {
  /** An aggregate over the table; undefined for rowCount, which reads the scan's row count. */
  readonly expression?: string;
  readonly failing?: FailingRows;
}

type Scalar = string | number | boolean;

function findProperty(object: SchemaObject, name: string): Property | undefined {
  return (
    object.properties.find((p) => p.name === name) ?? object.properties.find((p) => p.physicalName === name)
  );
}

/** The listed scalars of an argument (NULL entries dropped), or an error naming the argument. */
function scalarList(value: unknown, argument: string): { values: readonly Scalar[] } | { error: string } {
  if (!Array.isArray(value)) return { error: `arguments.${argument} must be a list` };
  const values: Scalar[] = [];
  for (const item of value) {
    if (item === null) continue;
    if (typeof item === 'string' || typeof item === 'boolean') values.push(item);
    else if (typeof item === 'number' && Number.isFinite(item)) values.push(item);
    else return { error: `arguments.${argument} may hold only strings, numbers, booleans and null` };
  }
  return { values };
}

/** `expr IN (...)`: numbers and booleans compare as such when the whole list is of that kind, else as text. */
function inList(dialect: CheckDialect, column: string, values: readonly Scalar[]): string {
  if (values.length === 0) return 'FALSE';
  if (values.every((v) => typeof v === 'number')) return `${column} IN (${values.join(', ')})`;
  if (values.every((v) => typeof v === 'boolean'))
    return `${column} IN (${values.map((v) => (v ? 'TRUE' : 'FALSE')).join(', ')})`;
  const literals = [...new Set(values.map(String))].map((v) => dialect.quoteLiteral(v));
  return `${dialect.castText(column)} IN (${literals.join(', ')})`;
}

function countWhere(predicate: string): string {
  return `count(*) FILTER (WHERE ${predicate})`;
}

function missingSql(dialect: CheckDialect, column: string, rule: QualityRule): MetricSql | { error: string } {
  const listed = rule.arguments?.missingValues;
  const extra = listed === undefined ? { values: [] } : scalarList(listed, 'missingValues');
  if ('error' in extra) return extra;
  const predicate = `${column} IS NULL OR ${inList(dialect, column, ['', ...extra.values.map(String)])}`;
  return { expression: countWhere(predicate), failing: { kind: 'where', predicate } };
}

function invalidSql(dialect: CheckDialect, column: string, rule: QualityRule): MetricSql | { error: string } {
  const { validValues, pattern } = rule.arguments ?? {};
  if (validValues === undefined && pattern === undefined)
    return { error: 'invalidValues needs arguments.validValues or arguments.pattern' };
  const conditions: string[] = [];
  if (validValues !== undefined) {
    const list = scalarList(validValues, 'validValues');
    if ('error' in list) return list;
    conditions.push(inList(dialect, column, list.values));
  }
  if (pattern !== undefined) {
    if (typeof pattern !== 'string' || pattern === '')
      return { error: 'arguments.pattern must be a non-empty string' };
    conditions.push(dialect.regexFullMatch(dialect.castText(column), pattern));
  }
  const predicate = `${column} IS NOT NULL AND NOT (${conditions.join(' AND ')})`;
  return { expression: countWhere(predicate), failing: { kind: 'where', predicate } };
}

function duplicateSql(columns: readonly string[]): MetricSql {
  const [first] = columns;
  if (columns.length === 1 && first !== undefined) {
    return {
      expression: `count(${first}) - count(DISTINCT ${first})`,
      failing: { kind: 'duplicates', columns },
    };
  }
  const complete = columns.map((c) => `${c} IS NOT NULL`).join(' AND ');
  return {
    expression: `${countWhere(complete)} - count(DISTINCT ROW(${columns.join(', ')})) FILTER (WHERE ${complete})`,
    failing: { kind: 'duplicates', columns },
  };
}

/** The physical columns a duplicateValues rule compares: `arguments.properties`, else its property. */
function duplicateColumns(
  object: SchemaObject,
  rule: QualityRule,
  property: Property | undefined,
): { columns: readonly string[] } | { error: string } {
  const listed = rule.arguments?.properties;
  if (listed === undefined) {
    return property === undefined
      ? { error: 'duplicateValues on a schema object needs arguments.properties' }
      : { columns: [property.physicalName] };
  }
  if (!Array.isArray(listed) || listed.length === 0 || !listed.every((n) => typeof n === 'string'))
    return { error: 'arguments.properties must be a non-empty list of property names' };
  const columns: string[] = [];
  for (const name of listed as string[]) {
    const found = findProperty(object, name);
    if (found === undefined)
      return { error: `arguments.properties names '${name}', which '${object.name}' does not have` };
    columns.push(found.physicalName);
  }
  return { columns: [...new Set(columns)] };
}

/**
 * The physical columns a nullValues or duplicateValues rule counts over (the rule's property, or
 * a duplicate tuple's listed properties); undefined for other metrics and for a rule naming a
 * property the object lacks. What a table constraint must cover to decide the rule.
 */
export function ruleColumns(object: SchemaObject, rule: QualityRule): readonly string[] | undefined {
  const property = rule.property === undefined ? undefined : findProperty(object, rule.property);
  if (rule.property !== undefined && property === undefined) return undefined;
  if (rule.metric === 'nullValues') return property === undefined ? undefined : [property.physicalName];
  if (rule.metric !== 'duplicateValues') return undefined;
  const found = duplicateColumns(object, rule, property);
  return 'error' in found ? undefined : found.columns;
}

/** The SQL of a library rule's metric, or why it cannot be measured. */
export function libraryMetricSql(
  dialect: CheckDialect,
  object: SchemaObject,
  rule: QualityRule,
): MetricSql | { error: string } {
  let column: string | undefined;
  let property: Property | undefined;
  if (rule.property !== undefined) {
    property = findProperty(object, rule.property);
    if (property === undefined) return { error: `property '${rule.property}' is not in '${object.name}'` };
    column = dialect.quoteIdentifier(property.physicalName);
  }
  switch (rule.metric) {
    case 'rowCount':
      return {};
    case 'duplicateValues': {
      const found = duplicateColumns(object, rule, property);
      return 'error' in found ? found : duplicateSql(found.columns.map((c) => dialect.quoteIdentifier(c)));
    }
    case undefined:
      return {
        error:
          'a library rule needs a metric (nullValues, missingValues, invalidValues, duplicateValues, rowCount)',
      };
    default:
      break;
  }
  if (column === undefined)
    return { error: `${rule.metric} applies to a property, not to a whole schema object` };
  switch (rule.metric) {
    case 'nullValues':
      return {
        expression: countWhere(`${column} IS NULL`),
        failing: { kind: 'where', predicate: `${column} IS NULL` },
      };
    case 'missingValues':
      return missingSql(dialect, column, rule);
    default:
      return invalidSql(dialect, column, rule);
  }
}
