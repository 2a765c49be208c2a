import { BLOCK_SCALAR, type DepthExcess, NORMAL, QUOTED, ScanState } from './scan-state.js';
import { scanTokens } from './scan-tokens.js';
import * as ch from './yaml-chars.js';
import { COMMENT, LINE_END, skipPlain, skipQuoted } from './yaml-scalars.js';

export type { DepthExcess } from './scan-state.js';

/**
 * Measures how deep collections nest in a YAML (or JSON) text without parsing it, in one pass
 * and constant memory per level, and reports where the nesting first exceeds `maxDepth`.
 *
 * Why: the `yaml` parser spends ~0.5 s and hundreds of MB on 100,000 nested brackets or
 * sequence indicators, so hostile nesting must be refused before the text reaches it. The scan
 * follows the lexical rules of `yaml`'s lexer (where quoted, plain and block scalars, comments and
 * flow collections start and end, and how far a line must be indented to continue one), and so
 * measures exactly what yaml nests for every document yaml reads without errors. What yaml's
 * error recovery nests in malformed text is bounded while parsing (see `parse-yaml.ts`).
 */
export function scanDepth(text: string, maxDepth: number): DepthExcess | undefined {
  return scan(text, maxDepth).excess;
}

/** The deepest nesting the pre-scan sees in `text` (for tests and diagnostics). */
export function deepestNesting(text: string): number {
  return scan(text, Number.POSITIVE_INFINITY).deepest;
}

function scan(text: string, maxDepth: number): ScanState {
  const s = new ScanState(text, maxDepth);
  for (let start = 0; start <= text.length && s.excess === undefined; ) {
    let next = text.indexOf('\n', start);
    if (next === -1) next = text.length;
    const end = next > start && text.charCodeAt(next - 1) === ch.CR ? next - 1 : next;
    s.line++;
    s.lineStart = start;
    scanLine(s, start, end);
    start = next + 1;
  }
  return s;
}

/** One line: first what earlier lines left open (a scalar, a flow collection), then its tokens. */
function scanLine(s: ScanState, start: number, end: number): void {
  const { text } = s;
  let p = start;
  while (p < end && text.charCodeAt(p) === ch.SPACE) p++;
  const indent = p - start;
  s.nodeColumn = -1;
  s.keyOpen = false;
  if (ch.isDocumentMarker(text, start, end)) {
    s.reset();
    scanTokens(s, start + 3, end);
    return;
  }
  if (p === end) return; // Blank lines belong to whatever scalar is open and close nothing.
  const indentNext = s.stack.indentNext();
  if (s.mode === QUOTED) {
    if (indent >= indentNext) {
      const after = skipQuoted(text, p, end, s.quote);
      if (after === LINE_END) return;
      s.mode = NORMAL;
      s.flowKey = s.flows.levels > 0;
      scanTokens(s, s.flows.levels === 0 ? s.afterNode(after, end) : after, end);
      return;
    }
    s.mode = NORMAL; // The lexer ends a quoted scalar at a line indented less than it requires.
  } else if (s.mode === BLOCK_SCALAR) {
    if (s.scalarIndent < 0 && indent >= s.scalarMin) {
      s.scalarIndent = s.scalarExplicit < 0 ? indent : s.scalarExplicit + Math.max(s.scalarMin, 1);
    }
    if (s.scalarIndent >= 0 && indent >= s.scalarIndent) return;
    s.mode = NORMAL;
  }
  const q = ch.skipWhite(text, p, end);
  if (q === end) return; // Spaces and tabs only: the lexer reads these as blank too.
  const first = text.charCodeAt(q);
  if (s.flows.levels > 0) {
    const closesAtOpeningIndent =
      indent === indentNext - 1 && s.flows.levels === 1 && (first === ch.RBRACKET || first === ch.RBRACE);
    if (indent >= indentNext || first === ch.HASH || closesAtOpeningIndent) {
      if (first === ch.HASH) return;
      if (s.plain) continuePlain(s, q, end, true);
      else scanTokens(s, q, end);
      return;
    }
    // An under-indented line ends the flow collection (an error) and starts a block line.
    s.flows.clear();
    s.plain = false;
  }
  if (first === ch.HASH) {
    s.plain = false; // A comment line ends a multi-line plain scalar.
    return;
  }
  if (s.plain && indent >= indentNext) {
    continuePlain(s, q, end, false);
    return;
  }
  s.plain = false;
  if (indent === 0 && first === ch.PERCENT && s.stack.depth === 0) return; // A directive.
  s.stack.closeFor(indent, first === ch.DASH && ch.isWhiteOrEnd(text, q + 1, end));
  scanTokens(s, q, end);
}

/** Continues a plain scalar from the previous line up to `: `, ` #` or (in flow) an indicator. */
function continuePlain(s: ScanState, q: number, end: number, inFlow: boolean): void {
  const stop = skipPlain(s.text, q, end, inFlow);
  if (stop === LINE_END) return;
  s.plain = false;
  if (stop === COMMENT) return;
  // A `:` after a multi-line plain scalar makes it a (multi-line, so invalid) key; yaml still nests it.
  let next = stop;
  if (s.text.charCodeAt(stop) === ch.COLON) next = inFlow ? s.flowColon(stop) : s.key(stop);
  scanTokens(s, next, end);
}
