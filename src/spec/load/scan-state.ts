import { BlockStack } from './block-stack.js';
import { FlowStack } from './flow-stack.js';
import * as ch from './yaml-chars.js';

/** Where nesting first goes past the limit: the indicator or bracket that opens one level too many. */
export interface DepthExcess {
  readonly line: number;
  readonly column: number;
}

/** What the line being scanned is inside of, from earlier lines. */
export const NORMAL = 0;
export const QUOTED = 1;
export const BLOCK_SCALAR = 2;

/**
 * The state of the depth pre-scan, shared by the line scanner (`scan-depth.ts`) and the token
 * readers (`scan-tokens.ts`): the open collections, the construct the scan is inside, and the
 * bookkeeping of the deepest level and of the first one past the limit.
 */
export class ScanState {
  excess: DepthExcess | undefined;
  deepest = 0;
  readonly stack = new BlockStack();
  readonly flows = new FlowStack();
  mode = NORMAL;
  /** The quote character of an open quoted scalar. */
  quote = 0;
  /** Block scalar: the indentation its header requires, and its content indentation once known. */
  scalarMin = 0;
  scalarIndent = -1;
  scalarExplicit = -1;
  /** A plain scalar ran to the end of the previous line and may continue on this one. */
  plain = false;
  /** The last flow token was a quoted scalar or a closed collection, after which `:` is always an indicator. */
  flowKey = false;
  /** Column where the current block node (its properties, then its key) starts on this line. */
  nodeColumn = -1;
  /** The last token on the line so far is a block key's `:`. */
  keyOpen = false;
  line = 0;
  lineStart = 0;

  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  /** A block collection opens at `column`. */
  open(column: number): void {
    this.stack.push(column);
    this.check(column);
  }

  /** Records the current depth, reached by something at `column` of the current line. */
  check(column: number): void {
    const depth = this.stack.depth + this.flows.depth;
    if (depth > this.deepest) this.deepest = depth;
    if (depth > this.maxDepth && this.excess === undefined) {
      this.excess = { line: this.line, column: column + 1 };
    }
  }

  /** A block mapping key ends at `colon`: its mapping is a level at the key's column. */
  key(colon: number): number {
    this.open(this.nodeColumn >= 0 ? this.nodeColumn : colon - this.lineStart);
    this.nodeColumn = -1;
    this.keyOpen = true;
    return colon + 1;
  }

  /** A `:` inside a flow collection, which may nest a single-pair mapping. */
  flowColon(colon: number): number {
    if (this.flows.colon()) this.check(colon - this.lineStart);
    return colon + 1;
  }

  /** After a complete node in block context: a following `:` makes it a mapping key. */
  afterNode(p: number, end: number): number {
    const q = ch.skipWhite(this.text, p, end);
    if (this.text.charCodeAt(q) === ch.COLON && ch.isWhiteOrEnd(this.text, q + 1, end)) return this.key(q);
    return q;
  }

  startBlockScalar(p: number, end: number): void {
    this.mode = BLOCK_SCALAR;
    this.scalarMin = this.stack.indentNext();
    this.scalarIndent = -1;
    this.scalarExplicit = ch.blockScalarIndentIndicator(this.text, p, end);
  }

  /** Document markers end every construct, as they do for yaml's lexer. */
  reset(): void {
    this.stack.clear();
    this.flows.clear();
    this.mode = NORMAL;
    this.plain = false;
  }
}
