import { isMap, isScalar, isSeq, type Node, type YAMLError } from 'yaml';
import { walkNodes } from './walk-nodes.js';

/** Where a syntax error is best shown, and what to say when yaml's own words would mislead. */
export interface ErrorAnchor {
  readonly start: number;
  readonly end: number;
  readonly message?: string;
}

type Opener = { readonly matches: (node: Node) => boolean; readonly message: string };

/**
 * yaml reports a quote or flow collection left open where it gave up (often the end of the file
 * or the next key); the user needs to see where it was opened. The open node ends exactly where
 * the error starts, so it is found by its range (the nodes are indexed by end offset once, on
 * first need). Errors placed on a line's leading spaces move to the line's first character,
 * which is what is mis-indented.
 */
export function errorAnchors(root: Node | null, text: string): (error: YAMLError) => ErrorAnchor {
  let byEnd: Map<number, Node[]> | undefined;
  const endingAt = (offset: number): readonly Node[] => {
    if (byEnd === undefined) {
      const index = new Map<number, Node[]>();
      walkNodes(root, {
        enter({ node }) {
          const end = node.range?.[1];
          if (end === undefined) return undefined;
          const nodes = index.get(end);
          if (nodes) nodes.push(node);
          else index.set(end, [node]);
          return undefined;
        },
      });
      byEnd = index;
    }
    return byEnd.get(offset) ?? [];
  };
  return (error) => {
    const [start, end] = error.pos;
    const opener = openerOf(error.message);
    if (opener) {
      // Several nodes can end at one offset (`[1, {x: 2`); the innermost starts last.
      const open = endingAt(start).filter(opener.matches);
      const at = open.reduce<number | undefined>(
        (last, node) => Math.max(last ?? -1, node.range?.[0] ?? -1),
        undefined,
      );
      if (at !== undefined && at >= 0) return { start: at, end: at + 1, message: opener.message };
    }
    if (error.code !== 'TAB_AS_INDENT' && onLeadingSpaces(text, start)) {
      let content = start;
      while (text.charCodeAt(content) === 0x20) content++;
      return { start: content, end: content + 1 };
    }
    return { start, end };
  };
}

function openerOf(message: string): Opener | undefined {
  if (/closing "quote/.test(message)) {
    return {
      matches: (n) => isScalar(n) && n.type === 'QUOTE_DOUBLE',
      message: 'This double-quoted string is never closed.',
    };
  }
  if (/closing 'quote/.test(message)) {
    return {
      matches: (n) => isScalar(n) && n.type === 'QUOTE_SINGLE',
      message: 'This single-quoted string is never closed.',
    };
  }
  if (/flow sequence/i.test(message)) {
    return {
      matches: (n) => isSeq(n) && n.flow === true,
      message: 'This `[` is not closed by a `]` before the text goes on less indented.',
    };
  }
  if (/flow map/i.test(message)) {
    return {
      matches: (n) => isMap(n) && n.flow === true,
      message: 'This `{` is not closed by a `}` before the text goes on less indented.',
    };
  }
  return undefined;
}

/** Whether `offset` is in the run of spaces that starts a line and is followed by content. */
function onLeadingSpaces(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) !== 0x20) return false;
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) === 0x20) i--;
  if (i > 0 && text.charCodeAt(i - 1) !== 0x0a) return false;
  let j = offset;
  while (text.charCodeAt(j) === 0x20) j++;
  return j < text.length && text.charCodeAt(j) !== 0x0a && text.charCodeAt(j) !== 0x0d;
}
