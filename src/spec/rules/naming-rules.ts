import type { Diagnostic, JsonPath } from '../diagnostic.js';
import type { Property } from '../model/data-contract.js';
import { followsConvention, toConvention } from './naming-convention.js';
import { report } from './report.js';
import type { ContractEntry, RuleContext } from './rule.js';

type Convention = Parameters<typeof followsConvention>[1];

/** One finding when a table's or column's physical name breaks the convention. */
function* checkName(
  entry: ContractEntry,
  what: 'table' | 'column',
  element: { readonly name: string; readonly physicalName: string; readonly path: JsonPath },
  convention: Convention,
): Iterable<Diagnostic> {
  const name = element.physicalName;
  if (name === '' || followsConvention(name, convention)) return;
  const field = name === element.name ? 'name' : 'physicalName';
  yield report(
    'name-convention',
    entry.doc,
    [...element.path, field],
    `${what} name '${name}' is not ${convention}`,
    {
      hint: `rename to '${toConvention(name, convention)}' or set physicalName`,
    },
  );
}

function* checkProperties(
  entry: ContractEntry,
  properties: readonly Property[],
  convention: Convention,
): Iterable<Diagnostic> {
  for (const p of properties) {
    yield* checkName(entry, 'column', p, convention);
    yield* checkProperties(entry, p.properties, convention);
  }
}

/** Physical names of tables and columns follow the mesh's convention (mesh.yaml `conventions`). */
export function* namingRules(context: RuleContext): Iterable<Diagnostic> {
  const convention = context.mesh?.model.conventions.physicalNames ?? 'snake_case';
  if (convention === 'any') return;
  for (const entry of context.contracts) {
    for (const object of entry.model.schema) {
      yield* checkName(entry, 'table', object, convention);
      yield* checkProperties(entry, object.properties, convention);
    }
  }
}
