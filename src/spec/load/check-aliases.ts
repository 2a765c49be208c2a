import { isAlias, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import type { TreeContext } from './tree-context.js';
import { walkNodes } from './walk-nodes.js';

/**
 * Counts the alias dereferences the value would hold if every alias were expanded, in one pass,
 * and refuses more than `maxAliasCount` ("billion laughs"), an alias inside the node it names (a
 * cycle: the value would be circular) and an alias with no anchor before it.
 *
 * Why not yaml's own `maxAliasCount`: its check re-walks the whole document for aliases nested in
 * an anchor, so 4,000 aliases in a 10 KB file take it seconds. After this check the value is built
 * with that check off, in linear time.
 */
export function checkAliases(context: TreeContext, maxAliasCount: number): Diagnostic[] {
  const anchors = new Map<string, Node>();
  const open = new Set<Node>();
  /** Dereferences inside each anchored node's expansion, known once the node is left. */
  const expansions = new Map<Node, number>();
  const totalAtEntry = new Map<Node, number>();
  let total = 0;
  const found: Diagnostic[] = [];
  walkNodes(context.root, {
    enter({ node, path }) {
      if (!isAlias(node)) {
        const anchor = node.anchor;
        if (anchor) {
          anchors.set(anchor, node);
          open.add(node);
          totalAtEntry.set(node, total);
        }
        return undefined;
      }
      const target = anchors.get(node.source);
      if (target === undefined) {
        found.push(
          context.finding(
            'syntax-error',
            `The alias \`*${node.source}\` has no anchor \`&${node.source}\` before it.`,
            node,
            {
              path,
            },
          ),
        );
        return 'stop';
      }
      if (open.has(target)) {
        found.push(
          context.finding(
            'alias-limit',
            `The alias \`*${node.source}\` refers to a node that contains it, so it never ends.`,
            node,
            {
              path,
            },
          ),
        );
        return 'stop';
      }
      total += 1 + (expansions.get(target) ?? 0);
      if (total <= maxAliasCount) return undefined;
      found.push(
        context.finding(
          'alias-limit',
          `Aliases expand to more than ${maxAliasCount} references by here.`,
          node,
          {
            path,
            hint: 'Write the repeated parts out, or use fewer nested aliases.',
          },
        ),
      );
      return 'stop';
    },
    leave(node) {
      if (!open.delete(node)) return;
      expansions.set(node, total - (totalAtEntry.get(node) ?? total));
    },
  });
  return found;
}
