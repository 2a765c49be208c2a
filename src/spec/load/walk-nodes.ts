import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { JsonPath } from '../diagnostic.js';

/** What a visitor sees of a node: its JSON path and how many collections hold it (itself included). */
export interface NodeVisit {
  readonly node: Node;
  readonly path: JsonPath;
  readonly depth: number;
}

/** Return `'stop'` from a visitor to end the walk. */
export interface NodeVisitor {
  enter(visit: NodeVisit): 'stop' | undefined;
  leave?(node: Node): void;
}

type Frame = { readonly visit: NodeVisit; readonly leaving: boolean };

/**
 * Visits a yaml node tree in document order (a pair's key before its value), without
 * recursion, so a deep tree cannot overflow the stack. Aliases are visited, not followed.
 */
export function walkNodes(root: Node | null | undefined, visitor: NodeVisitor): void {
  if (!root) return;
  const stack: Frame[] = [
    { visit: { node: root, path: [], depth: isCollection(root) ? 1 : 0 }, leaving: false },
  ];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { node, path, depth } = frame.visit;
    if (frame.leaving) {
      visitor.leave?.(node);
      continue;
    }
    if (visitor.enter(frame.visit) === 'stop') return;
    if (visitor.leave) stack.push({ visit: frame.visit, leaving: true });
    const children: NodeVisit[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        const childPath = [...path, keySegment(pair.key)];
        if (isNodeValue(pair.key)) children.push(child(pair.key, childPath, depth));
        if (isNodeValue(pair.value)) children.push(child(pair.value, childPath, depth));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (isNodeValue(item)) children.push(child(item, [...path, index], depth));
      });
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const visit = children[i];
      if (visit) stack.push({ visit, leaving: false });
    }
  }
}

/**
 * The property name a mapping key becomes in the JSON value, as yaml's `toJS` names it:
 * `null` becomes the empty string, other scalars their `String()`.
 */
export function keySegment(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  if (isAlias(key)) return `*${key.source}`;
  return '<complex key>';
}

function child(node: Node, path: JsonPath, parentDepth: number): NodeVisit {
  return { node, path, depth: parentDepth + (isCollection(node) ? 1 : 0) };
}

function isCollection(node: Node): boolean {
  return isMap(node) || isSeq(node);
}

function isNodeValue(value: unknown): value is Node {
  return isScalar(value) || isAlias(value) || isMap(value) || isSeq(value);
}
