/**
 * A table as an import reads it from a database catalog or a DDL script, before it becomes a data
 * product. Engine-neutral: `dataType` is the source's own type text (`character varying(40)`,
 * `decimal(10,2)`, `int unsigned`), mapped to ODCS by the writer. Pure data.
 */
export interface ImportedColumn {
  readonly name: string;
  /** The source's type text, lower case, with its parameters. */
  readonly dataType: string;
  readonly nullable: boolean;
  readonly comment?: string;
  /** The default expression as the source prints it. */
  readonly defaultValue?: string;
  /** Values of an enum type (PostgreSQL `CREATE TYPE ... AS ENUM`, MySQL `enum(...)`). */
  readonly enumValues?: readonly string[];
}

export interface ImportedForeignKey {
  readonly name?: string;
  readonly columns: readonly string[];
  /** The referenced table, in the same schema. */
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
}

export interface ImportedTable {
  /** The source schema (PostgreSQL schema, MySQL database). */
  readonly schema: string;
  readonly name: string;
  readonly comment?: string;
  readonly columns: readonly ImportedColumn[];
  /** Primary key columns in key order; empty when the table has none. */
  readonly primaryKey: readonly string[];
  /** Single- and multi-column unique constraints other than the primary key. */
  readonly uniqueKeys: readonly (readonly string[])[];
  readonly foreignKeys: readonly ImportedForeignKey[];
  /** An estimate of the row count, when the catalog keeps one. */
  readonly estimatedRows?: number;
}

/** Something an import could not carry over into ODCS, and where it was. */
export interface ImportGap {
  /** Where in the source: `orders.amount`, `$.models.orders.fields.amount`, `line 12`. */
  readonly where: string;
  readonly message: string;
}
