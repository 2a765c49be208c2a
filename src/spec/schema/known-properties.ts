import { isRecord } from './is-record.js';

/** Keywords whose subschemas apply to the same object, so their `properties` count as known. */
const IN_PLACE = ['allOf', 'anyOf', 'oneOf'] as const;
const SINGLE_IN_PLACE = ['if', 'then', 'else', '$ref'] as const;

const knownCache = new WeakMap<object, readonly string[]>();
const conditionCache = new WeakMap<object, readonly string[]>();

/**
 * Every property name a schema node declares for the object it validates, following local `$ref`s
 * (against `root`) and the subschemas that apply in place (`allOf`, `anyOf`, `oneOf`, `if`,
 * `then`, `else`, `dependentSchemas`). These are the names an "unknown property" is compared with.
 */
export function knownProperties(node: unknown, root: object): readonly string[] {
  return cached(knownCache, node, () => {
    const names = new Set<string>();
    for (const sub of inPlaceSubschemas(node, root)) {
      if (isRecord(sub.properties)) for (const name of Object.keys(sub.properties)) names.add(name);
    }
    return names;
  });
}

/**
 * The property names the `if` conditions of a schema node test (ODCS: a server's `type`, a quality
 * rule's `type` and `metric`): the fields whose values decide which other fields are allowed.
 */
export function conditionProperties(node: unknown, root: object): readonly string[] {
  return cached(conditionCache, node, () => {
    const names = new Set<string>();
    for (const sub of inPlaceSubschemas(node, root)) {
      if (!isRecord(sub.if)) continue;
      for (const name of knownProperties(sub.if, root)) names.add(name);
      for (const condition of inPlaceSubschemas(sub.if, root)) {
        if (Array.isArray(condition.required)) for (const name of condition.required) names.add(String(name));
      }
    }
    return names;
  });
}

/** `node` and every subschema that applies to the same instance, each once. */
function inPlaceSubschemas(node: unknown, root: object): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (sub: unknown): void => {
    if (!isRecord(sub) || found.includes(sub)) return;
    found.push(sub);
    for (const keyword of IN_PLACE) {
      const list = sub[keyword];
      if (Array.isArray(list)) for (const item of list) visit(item);
    }
    for (const keyword of SINGLE_IN_PLACE)
      visit(keyword === '$ref' ? resolveLocalRef(sub.$ref, root) : sub[keyword]);
    if (isRecord(sub.dependentSchemas)) for (const item of Object.values(sub.dependentSchemas)) visit(item);
  };
  visit(node);
  return found;
}

function cached(
  cache: WeakMap<object, readonly string[]>,
  node: unknown,
  compute: () => Set<string>,
): readonly string[] {
  if (!isRecord(node)) return [];
  let names = cache.get(node);
  if (names === undefined) {
    names = [...compute()].sort();
    cache.set(node, names);
  }
  return names;
}

/** Resolves `#/$defs/A/B` inside `root`; other references (remote, anchors) resolve to nothing. */
export function resolveLocalRef(ref: unknown, root: object): unknown {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isRecord(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
  }
  return node;
}
