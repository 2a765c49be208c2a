import type { CompareContext } from './compare-context.js';
import { isObj } from './json-values.js';
import type { SchemaDocument } from './schema-document.js';
import { acceptsEverything, omitKeywords } from './schema-keywords.js';

export type Resolved = { readonly schema: unknown } | { readonly unresolved: string };

const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'];
const MAX_HOPS = 32;

function refOf(schema: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of REF_KEYWORDS) if (typeof schema[key] === 'string') return schema[key] as string;
  return undefined;
}

/**
 * Follows `$ref` (and `$dynamicRef`/`$recursiveRef`, read as plain references) within `doc`.
 * Assertions next to a `$ref` apply too (draft 2019-09 and later), so such a schema becomes its
 * siblings plus `allOf: [target]`. A reference that cannot be found, or a loop of references, is
 * `unresolved`.
 */
export function resolveSchema(ctx: CompareContext, node: unknown, doc: SchemaDocument): Resolved {
  let current = node;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (!isObj(current)) return { schema: current };
    const ref = refOf(current);
    if (ref === undefined) return { schema: current };
    const target = doc.lookup(ref);
    if (target === undefined) return { unresolved: ref };
    const siblings = omitKeywords(current, REF_KEYWORDS);
    if (!acceptsEverything(siblings)) {
      const holder = current;
      return {
        schema: ctx.synthetic(`ref:${doc.id}:${ctx.idOf(holder)}`, () => ({ ...siblings, allOf: [target] })),
      };
    }
    current = target;
  }
  return { unresolved: isObj(node) ? (refOf(node) ?? '') : '' };
}

/** The resolved schema, or `true` when the reference is unresolved (for writers: it may be anything). */
export function resolveOrAny(ctx: CompareContext, node: unknown, doc: SchemaDocument): unknown {
  const resolved = resolveSchema(ctx, node, doc);
  return 'schema' in resolved ? resolved.schema : true;
}
