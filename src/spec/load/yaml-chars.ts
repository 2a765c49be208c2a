/** Character codes and small lexical predicates of YAML, shared by the depth pre-scan. */

export const TAB = 0x09;
export const CR = 0x0d;
export const SPACE = 0x20;
export const BANG = 0x21;
export const DQUOTE = 0x22;
export const HASH = 0x23;
export const PERCENT = 0x25;
export const AMP = 0x26;
export const SQUOTE = 0x27;
export const STAR = 0x2a;
export const COMMA = 0x2c;
export const DASH = 0x2d;
export const DOT = 0x2e;
export const COLON = 0x3a;
export const GT = 0x3e;
export const QUESTION = 0x3f;
export const AT = 0x40;
export const LBRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const RBRACKET = 0x5d;
export const BACKTICK = 0x60;
export const LBRACE = 0x7b;
export const PIPE = 0x7c;
export const RBRACE = 0x7d;

/** Space or tab, plus a carriage return, which `yaml`'s lexer also treats as blank inside a line. */
export function isWhite(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

export function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Whether position `i` of a line ending at `end` is blank or past the end. */
export function isWhiteOrEnd(text: string, i: number, end: number): boolean {
  return i >= end || isWhite(text.charCodeAt(i));
}

/** Inside flow collections an indicator may also be followed directly by `, [ ] { }`. */
export function isFlowSeparator(text: string, i: number, end: number): boolean {
  return isWhiteOrEnd(text, i, end) || isFlowIndicator(text.charCodeAt(i));
}

export function skipWhite(text: string, p: number, end: number): number {
  let i = p;
  while (i < end && isWhite(text.charCodeAt(i))) i++;
  return i;
}

/** Skips an anchor, alias or tag name: it runs to a blank or a flow indicator. */
export function skipName(text: string, p: number, end: number): number {
  let i = p;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isWhite(c) || isFlowIndicator(c)) break;
    i++;
  }
  return i;
}

/** `---` or `...` at the start of a line, alone or followed by a blank. */
export function isDocumentMarker(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c !== DASH && c !== DOT) return false;
  return (
    text.charCodeAt(start + 1) === c && text.charCodeAt(start + 2) === c && isWhiteOrEnd(text, start + 3, end)
  );
}

/**
 * The indentation indicator of a block scalar header (`|2-`, `>+1`), minus one as `yaml`'s lexer
 * keeps it, or -1 when the header has none and the first content line decides.
 */
export function blockScalarIndentIndicator(text: string, p: number, end: number): number {
  let indicator = -1;
  for (let i = p; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x30 && c <= 0x39) indicator = c - 0x31;
    else if (c !== 0x2b && c !== DASH) break;
  }
  return indicator;
}
