import { isMap, isScalar, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import type { TreeContext } from './tree-context.js';
import { keySegment, walkNodes } from './walk-nodes.js';

/** Beyond this many, duplicate keys are summed up in one last finding. */
export const MAX_DUPLICATE_KEYS = 20;

/**
 * Reports mapping keys that name the same property twice. Done here in linear time rather than
 * with yaml's `uniqueKeys`, which compares every key with every earlier one: 40,000 keys take it
 * 10 s. Keys count as the same when they become the same property name (`1` and `"1"` do).
 */
export function checkDuplicateKeys(context: TreeContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  walkNodes(context.root, {
    enter({ node, path }) {
      if (!isMap(node)) return undefined;
      const seen = new Map<string, Node>();
      for (const { key } of node.items) {
        if (!isScalar(key)) continue;
        const name = keySegment(key);
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, key);
          continue;
        }
        if (found.length === MAX_DUPLICATE_KEYS) {
          found.push(
            context.finding('duplicate-key', 'More duplicate keys follow; fix the ones above first.', key),
          );
          return 'stop';
        }
        const { line } = context.position(first);
        found.push(
          context.finding(
            'duplicate-key',
            `Duplicate key \`${name}\`; it first appears at line ${line}.`,
            key,
            {
              path: [...path, name],
              hint: 'Remove one of them; tools disagree on which one wins.',
            },
          ),
        );
      }
      return undefined;
    },
  });
  return found;
}
