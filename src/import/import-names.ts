import type { NamingConvention } from '../spec/model/mesh.js';
import { followsConvention, toConvention } from '../spec/rules/naming-convention.js';
import { suggestName } from '../workspace/names.js';
import type { ImportedTable } from './imported-table.js';

/** Product names taken by Meshplane's own file layout (`source.odcs.yaml` is the input contract). */
const RESERVED = new Set(['source', 'product']);

function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}_${i}`;
  taken.add(candidate);
  return candidate;
}

/**
 * The product name of each table (by source name): lower-case snake_case as product folders and
 * ids need (`OrderLines` → `order_lines`), unique within the import and outside `taken`; a
 * table named like a reserved file gets `_table` appended.
 */
export function productNames(
  tables: readonly ImportedTable[],
  taken: Iterable<string> = [],
): Map<string, string> {
  const used = new Set(taken);
  const out = new Map<string, string>();
  for (const table of tables) {
    let name = suggestName(table.name, '_') || 'table';
    if (RESERVED.has(name)) name = `${name}_table`;
    out.set(table.name, unique(name, used));
  }
  return out;
}

/**
 * The output column name of each source column of a table: unchanged when it follows the mesh's
 * naming convention, else rewritten to it (`CustomerID` → `customer_id`), unique within the table.
 */
export function columnNames(table: ImportedTable, convention: NamingConvention): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const column of table.columns) {
    const follows = followsConvention(column.name, convention);
    let name = follows ? column.name : toConvention(column.name, convention);
    if (name === '' || /^[0-9]/.test(name)) name = toConvention(`column ${column.name}`, convention);
    out.set(column.name, unique(name === '' ? 'column' : name, used));
  }
  return out;
}
