/**
 * An engine-neutral description of one column and the checks a single record must pass before it
 * is stored: the intermediate representation between a data contract (runtime/) and an engine's
 * SQL (engines/<name>/). Built from the contract once, turned into SQL by a dialect.
 */
export interface ColumnSpec {
  /** Physical column name, as in the file and the table. */
  readonly name: string;
  /** The engine's column type, e.g. `DECIMAL(10,2)`. */
  readonly sqlType: string;
  /** What kind of value the column holds; decides which checks and casts apply. */
  readonly kind: ColumnKind;
  /** A record without a value here is rejected (ODCS `required` or `primaryKey`). */
  readonly required: boolean;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Inclusive bounds (a number, or a date / timestamp as text) unless marked exclusive. */
  readonly minimum?: number | string;
  readonly maximum?: number | string;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  /** The only values allowed, when the contract lists them strictly. */
  readonly validValues?: readonly (string | number | boolean)[];
}

export type ColumnKind = 'text' | 'integer' | 'number' | 'boolean' | 'temporal' | 'composite' | 'other';
