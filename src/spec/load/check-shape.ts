import { isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import { FILE_START, loadDiagnostic } from './load-diagnostic.js';
import { treeContext } from './tree-context.js';

/**
 * The top level of a document must be a mapping: every standard Meshplane reads is one. A
 * document with no content at all (nothing, comments, a bare `---`) is an empty file instead.
 */
export function checkShape(
  file: string,
  root: Node | null,
  lineCounter: LineCounter,
): Diagnostic | undefined {
  if (root === null || isEmptyScalar(root)) return emptyFile(file);
  if (isMap(root)) return undefined;
  const kind = isSeq(root) ? 'a list' : isScalar(root) ? describeScalar(root.value) : 'an alias';
  const message = `The top level of the document is ${kind}; a mapping of keys to values is expected.`;
  return treeContext(file, root, lineCounter).finding('not-an-object', message, root);
}

export function emptyFile(file: string): Diagnostic {
  return loadDiagnostic(file, 'file-empty', 'The file is empty or holds only comments.', FILE_START);
}

/** `---` alone holds a null scalar with no text, unlike an explicit `null` or `~`. */
function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

function describeScalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a scalar';
}
