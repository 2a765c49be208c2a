import * as ch from './yaml-chars.js';

/** The scalar runs to the end of the line (and may go on on the next). */
export const LINE_END = -1;
/** The scalar ends at a comment (` #`), which takes the rest of the line. */
export const COMMENT = -2;

/**
 * Skips a plain scalar from `p` the way yaml's lexer reads one: it ends at `:` followed by a
 * blank (a key; inside flow collections also by a flow indicator), at ` #`, and inside flow
 * collections at a flow indicator. Returns the position of that `:` or indicator, COMMENT or
 * LINE_END. Quotes and brackets in the middle are content.
 */
export function skipPlain(text: string, p: number, end: number, inFlow: boolean): number {
  for (let i = p; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === ch.COLON) {
      if (inFlow ? ch.isFlowSeparator(text, i + 1, end) : ch.isWhiteOrEnd(text, i + 1, end)) return i;
    } else if (c === ch.SPACE || c === ch.TAB) {
      if (text.charCodeAt(i + 1) === ch.HASH) return COMMENT;
    } else if (inFlow && ch.isFlowIndicator(c)) {
      return i;
    }
  }
  return LINE_END;
}

/**
 * Skips the inside of a scalar quoted with `quote` (a character code) from `p` to just past its
 * closing quote on this line, or returns LINE_END when it goes on to the next line.
 */
export function skipQuoted(text: string, p: number, end: number, quote: number): number {
  for (let i = p; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote === ch.DQUOTE) {
      if (c === ch.BACKSLASH) i++;
      else if (c === ch.DQUOTE) return i + 1;
    } else if (c === ch.SQUOTE) {
      if (text.charCodeAt(i + 1) !== ch.SQUOTE) return i + 1;
      i++; // '' is an escaped quote
    }
  }
  return LINE_END;
}
