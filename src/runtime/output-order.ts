import { readFile } from 'node:fs/promises';
import type { DuckDBSession } from '../engines/duckdb/index.js';
import { MeshplaneError } from '../errors/index.js';
import { parseSelect } from './check-select.js';
import type { RuntimeProduct } from './runtime-product.js';
import { selectFacts } from './select-references.js';

/**
 * Orders names so that each comes after the names it depends on (stable: ties keep the given
 * order). Throws INVALID_INPUT naming the members of a cycle. Pure.
 */
export function topologicalOrder(
  names: readonly string[],
  dependsOn: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: readonly string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new MeshplaneError('INVALID_INPUT', `dependency cycle: ${[...trail, name].join(' -> ')}`);
    }
    state.set(name, 'visiting');
    for (const dep of dependsOn.get(name) ?? []) if (names.includes(dep)) visit(dep, [...trail, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of names) visit(name, []);
  return order;
}

/**
 * Which other output ports of the product each transform reads, found with DuckDB's parser (an
 * unqualified table named like a sibling output that no input port shadows). A transform that
 * does not parse depends on nothing here; running it reports the error.
 */
export async function outputDependencies(
  session: DuckDBSession,
  product: RuntimeProduct,
): Promise<Map<string, Set<string>>> {
  const inputs = new Set(product.inputs.map((i) => i.name.toLowerCase()));
  const outputs = new Map(product.outputs.map((o) => [o.name.toLowerCase(), o.name] as const));
  const deps = new Map<string, Set<string>>();
  for (const output of product.outputs) {
    const found = new Set<string>();
    deps.set(output.name, found);
    if (output.transform === undefined) continue;
    const sql = await readFile(output.transform, 'utf8').catch(() => undefined);
    const tree = sql === undefined ? undefined : await parseSelect(session, sql).catch(() => undefined);
    if (tree === undefined) continue;
    for (const table of selectFacts(tree).tables) {
      const name = table.table.toLowerCase();
      const sibling = outputs.get(name);
      if (
        table.catalog === '' &&
        table.schema === '' &&
        !inputs.has(name) &&
        sibling !== undefined &&
        sibling !== output.name
      ) {
        found.add(sibling);
      }
    }
  }
  return deps;
}
