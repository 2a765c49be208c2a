import type { LineCounter } from 'yaml';
import type { Position } from '../diagnostic.js';

/**
 * The 1-based line and column of offset `start` in the text a `LineCounter` saw, with the
 * exclusive end when `end` is given (columns count UTF-16 code units, as editors do for BMP text).
 */
export function positionAt(lineCounter: LineCounter, start: number, end?: number): Position {
  const from = linePos(lineCounter, start);
  if (end === undefined || end <= start) return from;
  const to = linePos(lineCounter, end);
  return { ...from, endLine: to.line, endColumn: to.column };
}

function linePos(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  // line 0 means "before the first recorded line start", which only happens at offset 0.
  return line === 0 ? { line: 1, column: offset + 1 } : { line, column: col };
}

/** Line and column of a string offset, for findings made before yaml's line counter exists. */
export function positionInText(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
