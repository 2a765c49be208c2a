import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
} from 'yaml';
import type { JsonPath, Position } from '../diagnostic.js';
import { FILE_START } from './load-diagnostic.js';
import type { SourceMap } from './loaded-document.js';
import { positionAt } from './text-position.js';
import { keySegment, walkNodes } from './walk-nodes.js';

/** A source map for a document that was refused before parsing: everything is at `position`. */
export function fixedSourceMap(position: Position): SourceMap {
  const frozen = Object.freeze({ ...position });
  return { locate: () => frozen };
}

/**
 * Locates JSON paths in a composed yaml document by walking its node tree: mapping keys by the
 * property name they become, sequence items by index, aliases through the anchor they name. A
 * path that leaves the tree resolves to the deepest node on it, pointing at the key that holds
 * that node when there is one (where a missing property would go). Never throws.
 */
export function createYamlSourceMap(doc: Document.Parsed, lineCounter: LineCounter): SourceMap {
  const anchors = new AnchorIndex(doc.contents);
  const fallback = FILE_START;
  const at = (node: Node): Position => {
    const range = node.range;
    return range ? positionAt(lineCounter, range[0], range[1]) : fallback;
  };
  return {
    locate(path: JsonPath, target: 'value' | 'key' = 'value'): Position {
      try {
        let node: Node | null = doc.contents;
        let key: Node | undefined;
        const here = (): Position => (key ? at(key) : node ? at(node) : fallback);
        for (const segment of path) {
          const resolved = node === null ? null : anchors.resolve(node);
          const next: Step | undefined = resolved === null ? undefined : step(resolved, segment);
          if (next === undefined) return here();
          node = next.node;
          key = next.key;
        }
        if (node === null || target === 'key' || isEmptyScalar(node)) return here();
        return at(node);
      } catch {
        return fallback;
      }
    },
  };
}

type Step = { readonly node: Node | null; readonly key: Node | undefined };

function step(node: Node, segment: string | number): Step | undefined {
  if (isMap(node)) {
    const pair = lastPair(node.items as Pair<unknown, unknown>[], String(segment));
    if (!pair) return undefined;
    return { node: asNode(pair.value), key: asNode(pair.key) ?? undefined };
  }
  // A path built from a JSON Pointer may carry indexes as strings.
  const index = typeof segment === 'number' ? segment : /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : -1;
  if (isSeq(node) && index >= 0) {
    const item = node.items[index];
    return item === undefined ? undefined : { node: asNode(item), key: undefined };
  }
  return undefined;
}

/** The value `toJS` keeps for a repeated key is the last one. */
function lastPair(
  items: readonly Pair<unknown, unknown>[],
  name: string,
): Pair<unknown, unknown> | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const pair = items[i];
    if (pair && keySegment(pair.key) === name) return pair;
  }
  return undefined;
}

function asNode(value: unknown): Node | null {
  return isScalar(value) || isAlias(value) || isMap(value) || isSeq(value) ? value : null;
}

/** `key:` with nothing after it holds an empty scalar; its key is the better place to point at. */
function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
}

/** Anchored nodes by name in document order, built on first use, to resolve aliases without re-walking. */
class AnchorIndex {
  private index: Map<string, Node[]> | undefined;

  constructor(private readonly root: Node | null) {}

  /** The node an alias names: the last one with that anchor before the alias. */
  resolve(node: Node): Node | null {
    let current: Node = node;
    for (let hops = 0; isAlias(current); hops++) {
      const target: Node | undefined = hops < 8 ? this.target(current) : undefined;
      if (target === undefined) return null;
      current = target;
    }
    return current;
  }

  private target(alias: Alias): Node | undefined {
    const candidates = this.build().get(alias.source) ?? [];
    const offset = alias.range?.[0] ?? Number.POSITIVE_INFINITY;
    let found: Node | undefined;
    for (const candidate of candidates) {
      if ((candidate.range?.[0] ?? 0) < offset) found = candidate;
    }
    return found;
  }

  private build(): Map<string, Node[]> {
    if (this.index) return this.index;
    const index = new Map<string, Node[]>();
    walkNodes(this.root, {
      enter({ node }) {
        if (isAlias(node) || !node.anchor) return undefined;
        const named = index.get(node.anchor);
        if (named) named.push(node);
        else index.set(node.anchor, [node]);
        return undefined;
      },
    });
    this.index = index;
    return index;
  }
}
