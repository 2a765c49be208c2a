/**
 * What an `append` output has already taken in. Each stored input row carries the id of the file
 * version or stream batch it came with (`_meshplane_file`, increasing per port); an append
 * transform sees only rows above the mark of each input, and the marks move in the transaction
 * that appends. So a run without new input appends nothing, and no input row is appended twice.
 * Inputs from other products carry no such id: an append over them sees all their rows.
 */
import { type DuckDBSession, qualifiedName, quoteIdentifier, quoteLiteral } from '../engines/duckdb/index.js';
import { isStoredInput, type RuntimeOutputPort, type RuntimeProduct } from './runtime-product.js';
import { APPEND_MARKS_TABLE, FILE_ID_COLUMN, INPUT_SCHEMA, SYSTEM_SCHEMA } from './storage-layout.js';

/** The marks of `output`, by input port name; an input with no mark yet is absent (everything is new). */
export async function readAppendMarks(
  session: DuckDBSession,
  alias: string,
  output: RuntimeOutputPort,
): Promise<Map<string, number>> {
  const rows = await session.query(
    `SELECT input, last_id FROM ${qualifiedName(alias, SYSTEM_SCHEMA, APPEND_MARKS_TABLE)} WHERE output = ${quoteLiteral(output.name)}`,
  );
  return new Map(rows.map((r) => [String(r.input), Number(r.last_id)] as const));
}

/** Statements that move the marks of `output` to the newest row of each stored input. Pure. */
export function advanceAppendMarksSql(
  alias: string,
  product: RuntimeProduct,
  output: RuntimeOutputPort,
): string[] {
  const marks = qualifiedName(alias, SYSTEM_SCHEMA, APPEND_MARKS_TABLE);
  return product.inputs.filter(isStoredInput).map(
    (input) =>
      `INSERT OR REPLACE INTO ${marks} (output, input, last_id)
       SELECT ${quoteLiteral(output.name)}, ${quoteLiteral(input.name)},
              greatest(coalesce(max(${quoteIdentifier(FILE_ID_COLUMN)}), 0),
                       coalesce((SELECT max(last_id) FROM ${marks} WHERE output = ${quoteLiteral(output.name)} AND input = ${quoteLiteral(input.name)}), 0))
       FROM ${qualifiedName(alias, INPUT_SCHEMA, input.name)}`,
  );
}
