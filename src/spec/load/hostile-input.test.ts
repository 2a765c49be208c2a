import { describe, expect, it } from 'vitest';
import { loadDocument } from './load-document.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Runs `fn` and returns its result with the wall-clock time it took. */
function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

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

/** Each hostile input must be refused with its code, within a second, without throwing. */
const cases: [string, string, () => Uint8Array, string][] = [
  ['a file over a configured limit', 'big.yaml', () => bytes(`a: "${'x'.repeat(2000)}"\n`), 'file-too-large'],
  [
    'a real 6 MB file over the default limit',
    'big.yaml',
    () => bytes(`a: "${'x'.repeat(6 * 1024 * 1024)}"\n`),
    'file-too-large',
  ],
  ['a billion-laughs alias bomb (9 x 9)', 'bomb.yaml', () => bytes(aliasBomb(9, 9)), 'alias-limit'],
  ['a wider alias bomb (26 x 26)', 'bomb.yaml', () => bytes(aliasBomb(26, 26)), 'alias-limit'],
  [
    '`[` nested 100,000 deep',
    'deep.yaml',
    () => bytes(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    'depth-limit',
  ],
  [
    '`{"a":` nested 100,000 deep',
    'deep.json',
    () => bytes(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
    'depth-limit',
  ],
  [
    '`{"a":` nested 100,000 deep in a .yaml file',
    'deep.yaml',
    () => bytes('{"a":'.repeat(100_000)),
    'depth-limit',
  ],
  ['`- ` nested 100,000 deep', 'deep.yaml', () => bytes(`${'- '.repeat(100_000)}x\n`), 'depth-limit'],
  [
    '`- ` nested 100,000 deep, one per line',
    'deep.yaml',
    () =>
      bytes(
        `${'-\n'.repeat(1)}${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}-`).join('\n')}`,
      ),
    'depth-limit',
  ],
  [
    'invalid UTF-8 (0xC3 0x28 on line 3)',
    'bad.yaml',
    () => Uint8Array.from([...bytes('a: 1\nb: 2\nc: '), 0xc3, 0x28, 0x0a]),
    'file-invalid-utf8',
  ],
  [
    'a binary file (PNG header)',
    'image.yaml',
    () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    'file-binary',
  ],
  ['an empty file', 'empty.yaml', () => new Uint8Array(0), 'file-empty'],
  [
    '40,000 aliases of an empty list',
    'aliases.yaml',
    () => bytes(`a: &a []\nb: &b [*a]\nc: [${Array(40_000).fill('*b').join(', ')}]\n`),
    'alias-limit',
  ],
  [
    '5 MB of text that yaml’s error recovery nests one level per line',
    'recovery.yaml',
    () => bytes('a: \na: '.repeat(700_000)),
    'depth-limit',
  ],
  ['5 MB of stray closing brackets', 'junk.yaml', () => bytes('] '.repeat(2_500_000)), 'syntax-error'],
  [
    'a second document followed by a million more',
    'docs.yaml',
    () => bytes('a: 1\n'.concat('---\nb: 1\n'.repeat(500_000))),
    'multiple-documents',
  ],
];

describe('hostile input', () => {
  it.each(cases)('refuses %s', (_name, file, make, code) => {
    const input = make();
    const limits = file === 'big.yaml' && input.length < 10_000 ? { maxBytes: 1000 } : {};
    const { result, ms } = timed(() => loadDocument(file, input, limits));
    expect(result.diagnostics.map((d) => d.code)).toContain(code);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics[0]?.line).toBeGreaterThanOrEqual(1);
    // Not a speed target (those live in bench/): a guard against super-linear blow-ups, which take
    // minutes on these inputs. Generous, so a loaded CI machine does not trip it.
    expect(ms).toBeLessThan(10_000);
  });

  it('locates the alias that makes a bomb go over the limit', () => {
    const doc = loadDocument('bomb.yaml', bytes(aliasBomb(9, 9)));
    expect(doc.diagnostics).toHaveLength(1);
    // a..c expand to 99 references; the first alias of d adds 91 more.
    expect(doc.diagnostics[0]).toMatchObject({ code: 'alias-limit', line: 4, column: 8, path: ['d', 0] });
  });

  it('locates the depth refusals where the limit is first exceeded', () => {
    const flow = loadDocument('deep.yaml', bytes('['.repeat(100_000)));
    expect(flow.diagnostics[0]).toMatchObject({ line: 1, column: 65 });
    const block = loadDocument('deep.yaml', bytes(`${'- '.repeat(100_000)}x`));
    expect(block.diagnostics[0]).toMatchObject({ line: 1, column: 129 });
  });

  it('reads 30,000 distinct keys in well under the time yaml’s own duplicate check needs', () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `key${i}: ${i}`).join('\n');
    const { result, ms } = timed(() => loadDocument('many.yaml', bytes(text)));
    expect(result.diagnostics).toEqual([]);
    // yaml's own quadratic check needs minutes here; see the note above.
    expect(ms).toBeLessThan(15_000);
  });
});
