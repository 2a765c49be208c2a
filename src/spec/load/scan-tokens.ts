import { NORMAL, QUOTED, type ScanState } from './scan-state.js';
import * as ch from './yaml-chars.js';
import { LINE_END, skipPlain, skipQuoted } from './yaml-scalars.js';

/**
 * Reads the tokens of one line from `from` to `end`, opening and closing collections on the
 * scan state. Stops at a comment, at the start of a scalar that goes on to the next line, or when
 * the limit is passed.
 */
export function scanTokens(s: ScanState, from: number, end: number): void {
  let p = from;
  while (p >= 0 && p < end && s.excess === undefined) {
    const c = s.text.charCodeAt(p);
    if (c === ch.SPACE || c === ch.TAB || c === ch.CR) p++;
    else if (c === ch.HASH)
      break; // At a token start `#` opens a comment, as in yaml's lexer.
    else p = s.flows.levels > 0 ? flowToken(s, p, end, c) : blockToken(s, p, end, c);
  }
  if (s.keyOpen && s.flows.levels === 0 && s.mode === NORMAL) s.stack.markAwaiting();
}

/** Reads one token in block context; returns where to go on, or LINE_END when the line is used up. */
function blockToken(s: ScanState, p: number, end: number, c: number): number {
  const { text } = s;
  const column = p - s.lineStart;
  if ((c === ch.DASH || c === ch.QUESTION || c === ch.COLON) && ch.isWhiteOrEnd(text, p + 1, end)) {
    s.keyOpen = false;
    s.nodeColumn = -1;
    s.open(column);
    return p + 1;
  }
  if (c === ch.AMP || c === ch.BANG) {
    if (s.nodeColumn < 0) s.nodeColumn = column;
    return ch.skipName(text, p + 1, end);
  }
  if (s.nodeColumn < 0) s.nodeColumn = column;
  s.keyOpen = false;
  switch (c) {
    case ch.LBRACKET:
    case ch.LBRACE:
      s.flows.open(c === ch.LBRACE);
      s.flowKey = false;
      s.check(column);
      return p + 1;
    case ch.STAR:
      return s.afterNode(ch.skipName(text, p + 1, end), end);
    case ch.DQUOTE:
    case ch.SQUOTE: {
      s.quote = c;
      const after = skipQuoted(text, p + 1, end, c);
      if (after !== LINE_END) return s.afterNode(after, end);
      s.mode = QUOTED;
      return LINE_END;
    }
    case ch.PIPE:
    case ch.GT:
      s.startBlockScalar(p + 1, end);
      return LINE_END;
    case ch.RBRACKET:
    case ch.RBRACE:
      return p + 1; // A stray closing bracket: an error, after which the lexer reads on as usual.
  }
  const stop = skipPlain(text, p, end, false);
  if (stop === LINE_END) s.plain = true;
  return stop < 0 ? LINE_END : s.key(stop);
}

/** Reads one token inside a flow collection. */
function flowToken(s: ScanState, p: number, end: number, c: number): number {
  const { text } = s;
  const flowKey = s.flowKey;
  s.flowKey = false;
  switch (c) {
    case ch.LBRACKET:
    case ch.LBRACE:
      s.flows.open(c === ch.LBRACE);
      s.check(p - s.lineStart);
      return p + 1;
    case ch.RBRACKET:
    case ch.RBRACE:
      s.flows.close();
      s.flowKey = true;
      return s.flows.levels === 0 ? s.afterNode(p + 1, end) : p + 1;
    case ch.COMMA:
      s.flows.separator();
      return p + 1;
    case ch.DQUOTE:
    case ch.SQUOTE: {
      s.quote = c;
      const after = skipQuoted(text, p + 1, end, c);
      if (after === LINE_END) s.mode = QUOTED;
      else s.flowKey = true;
      return after;
    }
    case ch.AMP:
    case ch.BANG:
    case ch.STAR:
      return ch.skipName(text, p + 1, end);
  }
  if (c === ch.COLON && (flowKey || ch.isFlowSeparator(text, p + 1, end))) return s.flowColon(p);
  if (c === ch.QUESTION && ch.isFlowSeparator(text, p + 1, end)) {
    if (s.flows.explicitKey()) s.check(p - s.lineStart);
    return p + 1;
  }
  if (c === ch.DASH && ch.isFlowSeparator(text, p + 1, end)) return p + 1;
  const stop = skipPlain(text, p, end, true);
  if (stop === LINE_END) s.plain = true;
  if (stop < 0) return LINE_END;
  return text.charCodeAt(stop) === ch.COLON ? s.flowColon(stop) : stop;
}
