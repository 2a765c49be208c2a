import { isObj } from './json-values.js';

/** One schema document with its `$id`s and anchors indexed, so `$ref`s can be followed. */
export interface SchemaDocument {
  /** Distinguishes the reader's document from the writer's in memo keys. */
  readonly id: number;
  readonly root: unknown;
  /** The schema `ref` points at, or undefined when it is not in this document. */
  lookup(ref: string): unknown;
}

const SINGLE = [
  'additionalProperties',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'items',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
];
const LISTS = ['items', 'prefixItems', 'allOf', 'anyOf', 'oneOf'];
const MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'];
const MAX_DEPTH = 64;
const MAX_NODES = 50_000;

/**
 * A document whose `$id` (and draft-4 `id`), `$anchor` and `$dynamicAnchor` values are indexed the
 * first time a reference needs them; JSON pointer references need no index.
 */
export function indexDocument(root: unknown, id: number): SchemaDocument {
  let index: { ids: Map<string, unknown>; anchors: Map<string, unknown> } | undefined;
  const indexed = () => {
    index ??= buildIndex(root);
    return index;
  };
  const byBase = (base: string): unknown => {
    const { ids } = indexed();
    if (ids.has(base)) return ids.get(base);
    for (const [key, node] of ids) if (key.endsWith(`/${base}`) || base.endsWith(`/${key}`)) return node;
    return undefined;
  };
  return {
    id,
    root,
    lookup(ref: string): unknown {
      const hash = ref.indexOf('#');
      const base = hash < 0 ? ref : ref.slice(0, hash);
      const fragment = hash < 0 ? '' : ref.slice(hash + 1);
      const start = base === '' ? root : byBase(base);
      if (start === undefined || fragment === '') return start;
      if (fragment.startsWith('/')) return followPointer(start, fragment);
      return indexed().anchors.get(decode(fragment));
    },
  };
}

function buildIndex(root: unknown) {
  const ids = new Map<string, unknown>();
  const anchors = new Map<string, unknown>();
  let nodes = 0;
  const walk = (node: unknown, depth: number): void => {
    if (!isObj(node) || depth > MAX_DEPTH || ++nodes > MAX_NODES) return;
    const own = typeof node.$id === 'string' ? node.$id : typeof node.id === 'string' ? node.id : undefined;
    if (own !== undefined) {
      const hash = own.indexOf('#');
      if (hash === 0) anchors.set(own.slice(1), node);
      else {
        ids.set(hash < 0 ? own : own.slice(0, hash), node);
        if (hash > 0 && hash < own.length - 1) anchors.set(own.slice(hash + 1), node);
      }
    }
    for (const key of ['$anchor', '$dynamicAnchor']) {
      const anchor = node[key];
      if (typeof anchor === 'string') anchors.set(anchor, node);
    }
    for (const key of SINGLE) walk(node[key], depth + 1);
    for (const key of LISTS) {
      const list = node[key];
      if (Array.isArray(list)) for (const item of list) walk(item, depth + 1);
    }
    for (const key of MAPS) {
      const map = node[key];
      if (isObj(map)) for (const child of Object.values(map)) walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return { ids, anchors };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Follows a JSON pointer (`/definitions/a~1b/0`) from `start`; undefined when a step is missing. */
function followPointer(start: unknown, pointer: string): unknown {
  let node = start;
  for (const raw of pointer.split('/').slice(1)) {
    const key = decode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = /^(0|[1-9]\d*)$/.test(key) ? Number(key) : -1;
      node = index >= 0 && index < node.length ? node[index] : undefined;
    } else if (isObj(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}
