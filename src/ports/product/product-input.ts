/**
 * The product input port: an input port whose contract is another product's output port reads
 * that product's output table through the hub (`p_<upstream>.main.<port>`), under the input
 * port's name, for the duration of a transform session.
 */
import {
  type DuckDBSession,
  qualifiedName,
  quoteIdentifier,
  quoteLiteral,
} from '../../engines/duckdb/index.js';
import { MeshplaneError } from '../../errors/index.js';
import { OUTPUT_SCHEMA } from '../../runtime/storage-layout.js';

export interface UpstreamPort {
  /** The input port's name: the table name the transform uses. */
  readonly name: string;
  readonly productId: string;
  readonly port: string;
  /** The upstream product's catalog alias in the hub. */
  readonly alias: string;
}

/** `CREATE OR REPLACE TEMP VIEW "<name>" AS SELECT * FROM "<alias>"."main"."<port>"`. Pure. */
export function productInputViewSql(input: UpstreamPort): string {
  return `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(input.name)} AS SELECT * FROM ${qualifiedName(input.alias, OUTPUT_SCHEMA, input.port)}`;
}

/**
 * Makes the upstream output visible to the session as a temporary view. NOT_FOUND when the
 * upstream product has no such table yet (it was never provisioned).
 */
export async function bindProductInput(session: DuckDBSession, input: UpstreamPort): Promise<void> {
  const where = `database_name = ${quoteLiteral(input.alias)} AND schema_name = ${quoteLiteral(OUTPUT_SCHEMA)}`;
  // A port version served as a view over another major is a view, not a table.
  const rows = await session.query(
    `SELECT 1 FROM duckdb_tables() WHERE ${where} AND table_name = ${quoteLiteral(input.port)}
     UNION ALL SELECT 1 FROM duckdb_views() WHERE ${where} AND view_name = ${quoteLiteral(input.port)}`,
  );
  if (rows.length === 0) {
    throw new MeshplaneError(
      'NOT_FOUND',
      `input port ${input.name} reads ${input.productId}/${input.port}, which has no table yet (deploy and run ${input.productId} first)`,
    );
  }
  await session.run(productInputViewSql(input));
}
