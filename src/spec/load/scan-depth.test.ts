/// <reference types="vite/client" />

import { describe, expect, it } from 'vitest';
import { Document, isMap, isPair, isSeq, parseAllDocuments, visit } from 'yaml';
import { deepestNesting, scanDepth } from './scan-depth.js';

/** Collections on the deepest path of yaml's own tree, for comparison. */
function treeDepth(text: string): number {
  let deepest = 0;
  const stack: [unknown, number][] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) stack.push([doc.contents, 0]);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (isPair(node)) stack.push([node.key, depth], [node.value, depth]);
    if (!isMap(node) && !isSeq(node)) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const item of (node as { items: unknown[] }).items) stack.push([item, depth + 1]);
  }
  return deepest;
}

describe('scanDepth', () => {
  it.each([
    ['a block mapping', 'a:\n  b:\n    c: 1\n', 3],
    ['compact sequences', '- - - x\n', 3],
    ['a sequence at its key’s column', 'a:\n- b:\n  - c: 1\n  - d: 2\n', 5],
    ['flow collections', 'a: {b: [1, [2]], c: []}\n', 4],
    ['single-pair mappings in flow sequences', '[a: b, c: [d: e]]', 4],
    ['nested keys in one flow entry', '{a: b: c}', 2],
    ['explicit keys', '? - a\n: - b\n', 2],
    ['brackets inside quotes', "a: \"[[[[ \\\" {{{\"\nb: '[[[ '' [['\n", 1],
    ['brackets in a multi-line quoted scalar', 'a: "[[[\n  [[[ ]"\n', 1],
    ['brackets and dashes in comments', 'a: 1 # [[[[ - - -\n# {{{{\n', 1],
    ['brackets inside plain scalars', 'a: x[[[ y {{\nb: plain - x, ok? #no [\n', 1],
    ['a multi-line plain scalar', 'a: first\n  - still [[[ the\n  same scalar\n', 1],
    ['block scalar content', 'a: |\n  [[[[\n  - - - -\n    {{{{\nb: >-\n  - - -\nc: [1]\n', 2],
    ['a block scalar with an indentation indicator', 'a:\n  b: |2\n     - - -\n  c: 1\n', 2],
    ['documents one after the other', 'a: [[1]]\n---\n[[[[1]]]]\n...\n', 4],
    ['JSON', '{\n\t"a": {"b": ["c", {"d": "]]]]"}]}\n}', 4],
  ])('measures %s', (_name, text, depth) => {
    expect(deepestNesting(text)).toBe(depth);
    expect(treeDepth(text)).toBe(depth);
  });

  it('points at the bracket, indicator or key that opens one level too many', () => {
    expect(scanDepth('a: [[[1]]]', 3)).toEqual({ line: 1, column: 6 });
    expect(scanDepth('a:\n  - - x\n', 2)).toEqual({ line: 2, column: 5 });
    expect(scanDepth('a:\n  b:\n    c: 1\n', 2)).toEqual({ line: 3, column: 5 });
    expect(scanDepth('a:\n  b:\n    c: 1\n', 3)).toBeUndefined();
  });

  it.each([
    ['[', '['.repeat(100_000)],
    ['{"a":', '{"a":'.repeat(100_000)],
    ['- ', `${'- '.repeat(100_000)}x`],
    ['? ', `${'? '.repeat(100_000)}x`],
    ['a: ', `${'a: '.repeat(100_000)}x`],
    ['[a: ', `[${'a: '.repeat(100_000)}x]`],
    ['indented keys', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
    ['indented dashes', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}-`).join('\n')],
  ])('refuses hostile nesting of %j in linear time', (_name, text) => {
    const start = performance.now();
    expect(scanDepth(text, 64)).toBeDefined();
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('matches yaml on generated valid documents in every style', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const words = [
      'a',
      "it's",
      '"q"',
      '# x',
      'k: v',
      '- i',
      '[x',
      '{y}',
      'l1\nl2',
      ' lead',
      '|',
      '>',
      '&a',
      '*b',
      '---',
      '',
      '?',
    ];
    const value = (level: number): unknown => {
      const r = random();
      if (level > 5 || r < 0.35)
        return r < 0.25 ? `${pick(words)}${pick(['', ' ', '\n'])}${pick(words)}` : 42;
      if (r < 0.65) return Array.from({ length: Math.floor(random() * 4) }, () => value(level + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 4) }, (_, i) => [`${pick(words)}${i}`, value(level + 1)]),
      );
    };
    let valid = 0;
    for (let i = 0; i < 400; i++) {
      const doc = new Document({ root: value(0) });
      // Mixed styles: some collections in flow style inside block ones, and the other way round.
      visit(doc, {
        Collection(_key, node) {
          node.flow = random() < 0.3;
        },
      });
      const text =
        i % 4 === 0
          ? JSON.stringify(doc.toJS(), null, i % 8 === 0 ? 2 : undefined)
          : doc.toString({
              indentSeq: random() < 0.5,
              indent: 1 + Math.floor(random() * 4),
              lineWidth: pick([0, 20, 80]),
              defaultStringType: pick([
                'PLAIN',
                'QUOTE_DOUBLE',
                'QUOTE_SINGLE',
                'BLOCK_LITERAL',
                'BLOCK_FOLDED',
              ] as const),
              defaultKeyType: pick([null, 'PLAIN', 'QUOTE_DOUBLE'] as const),
            });
      // yaml's stringifier now and then writes a document it cannot read back; only valid ones count.
      if (parseAllDocuments(text).some((d) => d.errors.length > 0)) continue;
      valid++;
      expect(deepestNesting(text), text).toBe(treeDepth(text));
    }
    expect(valid).toBeGreaterThan(360);
  });
});

const examples = import.meta.glob<string>('../../../../shared/standards/**/*.{yaml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const corpus = import.meta.glob<string>('../../../../shared/corpus/**/*.{yaml,yml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const real = Object.entries({ ...examples, ...corpus });

describe.skipIf(real.length === 0)('scanDepth on real documents (../shared)', () => {
  it('measures exactly what yaml nests, far below the limit', () => {
    let deepest = 0;
    for (const [file, text] of real) {
      const depth = deepestNesting(text.replace(/^\uFEFF/, ''));
      expect(depth, file).toBe(treeDepth(text));
      deepest = Math.max(deepest, depth);
    }
    expect(real.length).toBeGreaterThan(100);
    expect(deepest).toBeGreaterThanOrEqual(10);
    expect(deepest).toBeLessThan(32);
  });
});

if (real.length === 0) {
  if (process.env.MESHPLANE_REQUIRE_SERVICES === '1')
    throw new Error('../shared is required (MESHPLANE_REQUIRE_SERVICES=1)');
  console.warn('SKIPPED: ../shared not found; scanDepth is not compared with real documents');
}
