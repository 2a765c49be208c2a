/**
 * The offset of the first character at which `text` stops being valid JSON (RFC 8259), or
 * `text.length` when it ends too early; undefined when it is valid. Used only to locate an error
 * `JSON.parse` already found, because V8's messages carry a position in some Node versions and
 * for some errors only. Iterative, so nesting depth cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const closers: number[] = [];
  let expected: Expected = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) return expected === 'after' && closers.length === 0 ? undefined : text.length;
    const c = text.charCodeAt(i);
    const closer = closers.at(-1);
    if (expected === 'after') {
      if (c === COMMA && closer !== undefined) expected = closer === RBRACE ? 'key' : 'value';
      else if (c === closer) closers.pop();
      else return i; // Also: anything after the top-level value.
      i++;
    } else if (expected === 'colon') {
      if (c !== COLON) return i;
      expected = 'value';
      i++;
    } else if ((expected === 'key-or-close' || expected === 'value-or-close') && c === closer) {
      closers.pop();
      expected = 'after';
      i++;
    } else if (expected === 'key' || expected === 'key-or-close') {
      const end = c === QUOTE ? stringEnd(text, i) : -i - 1;
      if (end < 0) return -end - 1;
      expected = 'colon';
      i = end;
    } else if (c === LBRACE || c === LBRACKET) {
      closers.push(c === LBRACE ? RBRACE : RBRACKET);
      expected = c === LBRACE ? 'key-or-close' : 'value-or-close';
      i++;
    } else {
      const end = c === QUOTE ? stringEnd(text, i) : scalarEnd(text, i);
      if (end < 0) return -end - 1;
      expected = 'after';
      i = end;
    }
  }
}

/** What may come next: errors are reported where the text stops matching it. */
type Expected = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after';

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** End of the string starting at `i`, or -(offset + 1) of the character that breaks it. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c !== 0x5c) continue;
    const escaped = text[i + 1] ?? '';
    if (escaped === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1) - 1;
      i += 5;
    } else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') {
      i++;
    } else {
      return -(i + 1) - 1;
    }
  }
  return -text.length - 1;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** End of the number or literal starting at `i`, or -(offset + 1) where it goes wrong. */
function scalarEnd(text: string, start: number): number {
  for (const pattern of [NUMBER, LITERAL]) {
    pattern.lastIndex = start;
    if (pattern.test(text)) return pattern.lastIndex;
  }
  return -start - 1;
}
