/** One policy statement cut out of a `.cedar` text, with where it starts in that text. */
export interface PolicyPiece {
  readonly text: string;
  /** Offset (UTF-16 code units) of the piece's first character in the whole text. */
  readonly offset: number;
}

/**
 * Cuts a Cedar policy text into its statements, keeping each one's position so that diagnostics
 * can point at `file:line:column` of the original file. Cedar's own splitter
 * (`policySetTextToParts`) reorders the statements and drops positions, hence this small scanner.
 *
 * A statement ends at a `;` outside string literals and `//` comments; Cedar allows `;` nowhere
 * else. Pieces holding only whitespace and comments are dropped. Text after the last `;` is kept
 * as a piece so Cedar can report it as a syntax error.
 */
export function splitPolicies(text: string): PolicyPiece[] {
  const pieces: PolicyPiece[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (ch === ';') {
      pushPiece(pieces, text, start, i + 1);
      i += 1;
      start = i;
    } else {
      i += 1;
    }
  }
  pushPiece(pieces, text, start, text.length);
  return pieces;
}

function pushPiece(pieces: PolicyPiece[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const lead = leadingBlank(raw);
  if (lead === raw.length) return;
  pieces.push({ text: raw.slice(lead).trimEnd(), offset: from + lead });
}

/** Length of the run of whitespace and `//` comments at the start of `text`. */
function leadingBlank(text: string): number {
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) i += 1;
    else if (text[i] === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else break;
  }
  return i;
}

/**
 * Turns a Cedar source offset (a UTF-8 byte offset into `piece`) into a 1-based line and column of
 * the whole text the piece came from.
 */
export function positionOf(
  whole: string,
  piece: PolicyPiece,
  byteOffset: number,
): { line: number; column: number } {
  let bytes = 0;
  let index = 0;
  while (index < piece.text.length && bytes < byteOffset) {
    const code = piece.text.codePointAt(index) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += code >= 0x10000 ? 2 : 1;
  }
  const absolute = piece.offset + index;
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < absolute && k < whole.length; k += 1) {
    if (whole[k] === '\n') {
      line += 1;
      lineStart = k + 1;
    }
  }
  return { line, column: absolute - lineStart + 1 };
}

/**
 * The effect of a statement Cedar has already parsed: the keyword after its annotations
 * (`@name("value")`), whitespace and comments. Read from the text because asking Cedar for the
 * policy's JSON costs a few milliseconds per policy.
 */
export function statementEffect(text: string): 'permit' | 'forbid' | undefined {
  let i = 0;
  for (;;) {
    i += leadingBlank(text.slice(i));
    if (text[i] !== '@') break;
    i += 1;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i] ?? '')) i += 1;
    i += leadingBlank(text.slice(i));
    if (text[i] !== '(') continue;
    i += 1;
    i += leadingBlank(text.slice(i));
    if (text[i] === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i += 1;
    }
    i += leadingBlank(text.slice(i));
    if (text[i] === ')') i += 1;
  }
  const keyword = /^(permit|forbid)\b/.exec(text.slice(i))?.[1];
  return keyword === 'permit' || keyword === 'forbid' ? keyword : undefined;
}
