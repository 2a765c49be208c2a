/**
 * Bounded queries for the rows that made a rule fail, with protected columns masked. Pure.
 *
 * A column is protected when its property's `classification` is anything but `public` (internal,
 * confidential, restricted, ...), or a custom property `pii` is true; its value is never
 * selected: the sample holds the literal `***` in its place. Columns are the schema object's own
 * properties, so a column the contract does not describe never appears in a sample.
 */
import { MeshplaneError } from '../../errors/index.js';
import type { Property, SchemaObject } from '../../spec/model/data-contract.js';
import type { CheckDialect } from './check-dialect.js';
import type { FailingRows } from './library-metric-sql.js';

export const DEFAULT_SAMPLE_LIMIT = 10;
export const MAX_SAMPLE_LIMIT = 100;
export const MASK = '***';

export interface SampleColumn {
  readonly name: string;
  readonly masked: boolean;
}

/** Whether a property's values are kept out of samples. */
export function isProtected(property: Property): boolean {
  const classification = property.classification?.trim().toLowerCase();
  if (classification !== undefined && classification !== '' && classification !== 'public') return true;
  return property.customProperties.some(
    (c) => c.property.toLowerCase() === 'pii' && (c.value === true || c.value === 'true'),
  );
}

/** The sampled columns of a schema object: its properties' physical names, once each. */
export function sampleColumns(object: SchemaObject): readonly SampleColumn[] {
  const byName = new Map<string, SampleColumn>();
  for (const property of object.properties) {
    const previous = byName.get(property.physicalName);
    // Two properties on one column: protected if either says so.
    byName.set(property.physicalName, {
      name: property.physicalName,
      masked: (previous?.masked ?? false) || isProtected(property),
    });
  }
  return [...byName.values()];
}

/** A validated sample size: an integer from 0 (no samples) up to 100; larger asks get 100. */
export function sampleLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_SAMPLE_LIMIT;
  if (!Number.isInteger(limit) || limit < 0)
    throw new MeshplaneError(
      'INVALID_INPUT',
      `sample limit must be a whole number from 0 to ${MAX_SAMPLE_LIMIT}, got ${limit}`,
    );
  return Math.min(limit, MAX_SAMPLE_LIMIT);
}

/** `SELECT <columns, protected ones as '***'> FROM <table> WHERE <failing> LIMIT n`. */
export function sampleSql(
  dialect: CheckDialect,
  table: string,
  columns: readonly SampleColumn[],
  failing: FailingRows,
  limit: number,
): string {
  const list = columns
    .map((c) => {
      const name = dialect.quoteIdentifier(c.name);
      return c.masked ? `${dialect.quoteLiteral(MASK)} AS ${name}` : name;
    })
    .join(', ');
  if (failing.kind === 'where')
    return `SELECT ${list} FROM ${table} WHERE ${failing.predicate} LIMIT ${limit}`;
  // Every row of a repeated value (or tuple); rows of one value together, ordered by the keys
  // that are not protected (a protected value's order is not shown either).
  const keys = failing.columns.join(', ');
  const complete = failing.columns.map((c) => `${c} IS NOT NULL`).join(' AND ');
  const count = dialect.quoteIdentifier('meshplane_repeats');
  const alias = dialect.quoteIdentifier('repeated');
  const visible = new Set(columns.filter((c) => !c.masked).map((c) => dialect.quoteIdentifier(c.name)));
  const order = failing.columns.filter((c) => visible.has(c)).map((c) => `${alias}.${c}`);
  return (
    `SELECT ${list} FROM (SELECT *, count(*) OVER (PARTITION BY ${keys}) AS ${count} FROM ${table} ` +
    `WHERE ${complete}) AS ${alias} WHERE ${count} > 1` +
    `${order.length === 0 ? '' : ` ORDER BY ${order.join(', ')}`} LIMIT ${limit}`
  );
}
