import { type Found, found } from './compare-context.js';
import { canonicalJson, type Obj } from './json-values.js';

function conditional(schema: Obj): string | undefined {
  if (schema.then === undefined && schema.else === undefined) return undefined;
  return canonicalJson([schema.if ?? true, schema.then ?? true, schema.else ?? true]);
}

/**
 * `if`/`then`/`else` is compared as a whole: the reader's must be the writer's, or absent.
 * Reasoning about two different conditionals is out of reach, so any change is reported.
 */
export function compareConditional(reader: Obj, writer: Obj): Found[] {
  const r = conditional(reader);
  const w = conditional(writer);
  if (r === w) return [];
  if (r === undefined)
    return [found('CONDITIONAL_SCHEMA_REMOVED', '/if', "The reader drops the writer's if/then/else.")];
  if (w === undefined)
    return [
      found('CONDITIONAL_SCHEMA_ADDED', '/if', 'The reader adds an if/then/else the writer does not have.'),
    ];
  return [found('CONDITIONAL_SCHEMA_CHANGED', '/if', "The reader's if/then/else differs from the writer's.")];
}
