import type { Diagnostic, Position } from '../diagnostic.js';
import { loadDiagnostic } from './load-diagnostic.js';
import type { TreeContext } from './tree-context.js';
import { walkNodes } from './walk-nodes.js';

/**
 * Enforces `maxDepth` on the composed tree. The pre-scan and the parser's bound already refused
 * deep text; this is the last word, so the value handed on is never deeper than the limit.
 */
export function checkNesting(context: TreeContext, maxDepth: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  walkNodes(context.root, {
    enter({ node, path, depth }) {
      if (depth <= maxDepth) return undefined;
      found.push(context.finding('depth-limit', depthMessage(maxDepth), node, { path, hint: DEPTH_HINT }));
      return 'stop';
    },
  });
  return found;
}

/** The `depth-limit` finding for a refusal before the tree exists (pre-scan, parser bound). */
export function depthFinding(file: string, maxDepth: number, at: Position): Diagnostic {
  return loadDiagnostic(file, 'depth-limit', depthMessage(maxDepth), at, { hint: DEPTH_HINT });
}

const DEPTH_HINT = 'Flatten the document; the limit guards against hostile input.';

function depthMessage(maxDepth: number): string {
  return `Collections nest deeper than ${maxDepth} levels here.`;
}
