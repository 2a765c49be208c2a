import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { checkAliases } from './check-aliases.js';
import { treeContext } from './tree-context.js';

/** A billion-laughs document: `levels` anchors, each aliasing the previous one `width` times. */
function aliasBomb(levels: number, width: number): string {
  const names = 'abcdefghijklmnopqrstuvwxyz'.slice(0, levels).split('');
  const lines = [`a: &a [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < names.length; i++) {
    lines.push(
      `${names[i]}: &${names[i]} [${Array(width)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function check(text: string, maxAliasCount = 100) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return checkAliases(treeContext('a.yaml', doc.contents, lineCounter), maxAliasCount).map((d) => ({
    code: d.code,
    line: d.line,
    column: d.column,
    path: d.path,
  }));
}

describe('checkAliases', () => {
  it('accepts aliases whose full expansion stays within the limit', () => {
    expect(check('a: &a [1, 2]\nb: *a\nc: [*a, *a]\n', 3)).toEqual([]);
  });

  it('counts the aliases inside an anchored node every time the node is repeated', () => {
    const text = 'a: &a x\nb: &b [*a, *a]\nc: [*b, *b]\n'; // 2 + 2 × (1 + 2) = 8
    expect(check(text, 8)).toEqual([]);
    expect(check(text, 7)).toEqual([{ code: 'alias-limit', line: 3, column: 9, path: ['c', 1] }]);
  });

  it('refuses a billion laughs at the alias that crosses the limit', () => {
    expect(check(aliasBomb(9, 9))).toEqual([{ code: 'alias-limit', line: 4, column: 8, path: ['d', 0] }]);
  });

  it('refuses an alias inside the node it names', () => {
    expect(check('a: &a\n  b: [1, *a]\n')).toEqual([
      { code: 'alias-limit', line: 2, column: 10, path: ['a', 'b', 1] },
    ]);
  });

  it('refuses an alias with no anchor before it, as yaml would fail to build the value', () => {
    expect(check('a: *later\nb: &later 1\n')).toEqual([
      { code: 'syntax-error', line: 1, column: 4, path: ['a'] },
    ]);
  });

  it('resolves a redefined anchor to its latest definition before the alias', () => {
    expect(check('a: &x [1]\nb: &x 2\nc: [*x, *x]\n', 2)).toEqual([]);
  });
});
