import { type CompareContext, type Found, found, rebase, type Sides } from './compare-context.js';
import { acceptsEverything } from './schema-keywords.js';

/**
 * A subschema keyword that may be absent on either side (`items`, `propertyNames`, a dependent
 * schema): absent means any value. The reader adding one is SCHEMA_ADDED, dropping one SCHEMA_REMOVED.
 */
export function compareSubschema(
  ctx: CompareContext,
  reader: unknown,
  writer: unknown,
  sides: Sides,
  path: string,
): Found[] {
  if (reader === undefined && writer === undefined) return [];
  if (reader === undefined)
    return acceptsEverything(writer)
      ? []
      : [found('SCHEMA_REMOVED', path, "The reader drops the writer's constraint here.")];
  if (writer === undefined)
    return acceptsEverything(reader)
      ? []
      : [found('SCHEMA_ADDED', path, 'The reader adds a constraint the writer does not have.')];
  return rebase(path, ctx.compare(reader, writer, sides));
}
