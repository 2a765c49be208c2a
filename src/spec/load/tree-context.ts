import type { LineCounter, Node } from 'yaml';
import type { DiagnosticCode } from '../codes.js';
import type { Diagnostic, Position } from '../diagnostic.js';
import { FILE_START, type FindingDetails, loadDiagnostic } from './load-diagnostic.js';
import { positionAt } from './text-position.js';

/** What the checks of a composed yaml tree share: its root and how to locate a finding on a node. */
export interface TreeContext {
  readonly root: Node | null;
  position(node: Node): Position;
  finding(code: DiagnosticCode, message: string, node: Node, details?: FindingDetails): Diagnostic;
}

/** Binds the tree checks to one file and its line counter. */
export function treeContext(file: string, root: Node | null, lineCounter: LineCounter): TreeContext {
  const position = (node: Node): Position => {
    const range = node.range;
    return range ? positionAt(lineCounter, range[0], range[1]) : FILE_START;
  };
  return {
    root,
    position,
    finding: (code, message, node, details) => loadDiagnostic(file, code, message, position(node), details),
  };
}
