import type { Diagnostic } from '../diagnostic.js';
import type { Property } from '../model/data-contract.js';
import { followsConvention, toConvention } from './naming-convention.js';
import { report } from './report.js';
import type { ContractEntry, RuleContext } from './rule.js';

function* checkProperties(
  entry: ContractEntry,
  properties: readonly Property[],
  convention: Parameters<typeof followsConvention>[1],
): Iterable<Diagnostic> {
  for (const p of properties) {
    if (p.physicalName !== '' && !followsConvention(p.physicalName, convention)) {
      const field = p.physicalName === p.name ? 'name' : 'physicalName';
      yield report(
        'name-convention',
        entry.doc,
        [...p.path, field],
        `column name '${p.physicalName}' is not ${convention}`,
        { hint: `rename to '${toConvention(p.physicalName, convention)}' or set physicalName` },
      );
    }
    yield* checkProperties(entry, p.properties, convention);
  }
}

/** Physical names of tables and columns follow the mesh's convention (mesh.yaml `conventions`). */
export function* namingRules(context: RuleContext): Iterable<Diagnostic> {
  const convention = context.mesh?.model.conventions.physicalNames ?? 'snake_case';
  if (convention === 'any') return;
  for (const entry of context.contracts) {
    for (const object of entry.model.schema) {
      if (object.physicalName !== '' && !followsConvention(object.physicalName, convention)) {
        const field = object.physicalName === object.name ? 'name' : 'physicalName';
        yield report(
          'name-convention',
          entry.doc,
          [...object.path, field],
          `table name '${object.physicalName}' is not ${convention}`,
          { hint: `rename to '${toConvention(object.physicalName, convention)}' or set physicalName` },
        );
      }
      yield* checkProperties(entry, object.properties, convention);
    }
  }
}
