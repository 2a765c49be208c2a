/**
 * Helpers for `exactOptionalPropertyTypes`: a nullable column becomes an absent property, and an
 * absent property becomes NULL.
 */

/** `{ [key]: value }` when the column holds a value, `{}` when it is NULL. */
export function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** An optional property as a nullable column value. */
export function nullable<V>(value: V | undefined): V | null {
  return value === undefined ? null : value;
}

/** A BIGINT column's value (PostgreSQL returns strings) as a number. */
export function toCount(value: number | string | null): number | undefined {
  return value === null ? undefined : Number(value);
}
