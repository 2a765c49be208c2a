import { describe, expect, it } from 'vitest';
import { loadDocument } from './load-document.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const load = (file: string, text: string, limits = {}) => loadDocument(file, bytes(text), limits);
const codes = (doc: { diagnostics: readonly { code: string }[] }) => doc.diagnostics.map((d) => d.code);

describe('loadDocument: values', () => {
  it('loads a YAML mapping with no findings', () => {
    const doc = load('a.odcs.yaml', 'kind: DataContract\nschema:\n  - name: orders\n');
    expect(doc).toMatchObject({
      format: 'yaml',
      diagnostics: [],
      value: { kind: 'DataContract', schema: [{ name: 'orders' }] },
    });
    expect(doc.text).toBe('kind: DataContract\nschema:\n  - name: orders\n');
  });

  it('keeps dates, YAML 1.1 booleans and known tags as strings (YAML 1.2 core schema)', () => {
    const doc = load(
      'a.yaml',
      'd: 2024-01-01\nt: 2024-01-01T10:00:00Z\ny: yes\nb: !!binary aGk=\nm: !!timestamp 2024-01-01\n',
    );
    expect(doc.value).toEqual({
      d: '2024-01-01',
      t: '2024-01-01T10:00:00Z',
      y: 'yes',
      b: 'aGk=',
      m: '2024-01-01',
    });
  });

  it('keeps `<<` as an ordinary key and `__proto__` as an own property', () => {
    const doc = load('a.yaml', 'base: &b {x: 1}\n"<<": *b\n__proto__: {polluted: true}\n');
    const value = doc.value as Record<string, unknown>;
    expect(value['<<']).toEqual({ x: 1 });
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads `.json` files as JSON, tabs included', () => {
    const doc = load('a.odps.JSON', '{\n\t"kind": "DataProduct",\n\t"n": [1, 2.5e3]\n}');
    expect(doc).toMatchObject({
      format: 'json',
      diagnostics: [],
      value: { kind: 'DataProduct', n: [1, 2500] },
    });
  });

  it('follows aliases into the value', () => {
    expect(load('a.yaml', 'a: &x [1, 2]\nb: *x\n').value).toEqual({ a: [1, 2], b: [1, 2] });
  });
});

describe('loadDocument: refusals', () => {
  it.each([
    ['file-empty', 'a.yaml', ''],
    ['file-empty', 'a.yaml', '   \n\n'],
    ['file-empty', 'a.yaml', '# only a comment\n  # another\n'],
    ['file-empty', 'a.yaml', '---\n'],
    ['file-empty', 'a.json', ' \n\t'],
    ['not-an-object', 'a.yaml', '- a\n- b\n'],
    ['not-an-object', 'a.yaml', 'just text\n'],
    ['not-an-object', 'a.yaml', 'null\n'],
    ['not-an-object', 'a.json', '[1, 2]'],
    ['multiple-documents', 'a.yaml', 'a: 1\n---\nb: 2\n'],
    ['duplicate-key', 'a.yaml', 'a: 1\nb: 2\na: 3\n'],
    ['duplicate-key', 'a.json', '{"a": 1, "a": 2}'],
    ['tab-indent', 'a.yaml', 'a:\n\tb: 1\n'],
    ['syntax-error', 'a.yaml', 'a: [1, 2\nb: 3\n'],
    ['syntax-error', 'a.yaml', 'a: *nowhere\n'],
    ['syntax-error', 'a.json', '{"a": 1,}'],
    ['alias-limit', 'a.yaml', 'a: &a [1, *a]\n'],
    ['depth-limit', 'a.yaml', 'a: [[[[1]]]]\n'],
    ['file-binary', 'a.yaml', 'a: \u0000\n'],
  ])('reports %s for %j', (code, file, text) => {
    const doc = load(file, text, { maxDepth: 4 });
    expect(codes(doc)).toContain(code);
    expect(doc.value).toBeUndefined();
    for (const d of doc.diagnostics) {
      expect(d).toMatchObject({ file, severity: 'error' });
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.message).not.toContain('\n');
    }
  });

  it('refuses too many bytes and bad UTF-8 with text undefined', () => {
    expect(loadDocument('a.yaml', bytes('a: 12345\n'), { maxBytes: 5 })).toMatchObject({
      text: undefined,
      value: undefined,
      diagnostics: [{ code: 'file-too-large', line: 1, column: 1 }],
    });
    const bad = loadDocument('a.yaml', Uint8Array.from([...bytes('a: 1\nb: 2\nc: '), 0xc3, 0x28]));
    expect(bad).toMatchObject({
      text: undefined,
      diagnostics: [{ code: 'file-invalid-utf8', line: 3, column: 4 }],
    });
    expect(bad.sourceMap.locate(['c'])).toEqual({ line: 3, column: 4 });
  });

  it('locates duplicate keys at the second occurrence, with the first in the message', () => {
    const [d] = load('a.yaml', 'a: 1\nb:\n  c: 1\n  c: 2\n').diagnostics;
    expect(d).toMatchObject({ code: 'duplicate-key', line: 4, column: 3, path: ['b', 'c'] });
    expect(d?.message).toContain('line 3');
  });

  it('locates a tab used as indentation', () => {
    expect(load('a.yaml', 'a:\n\tb: 1\n').diagnostics[0]).toMatchObject({
      code: 'tab-indent',
      line: 2,
      column: 1,
    });
  });

  it('locates YAML syntax errors with a one-line message', () => {
    const [d] = load('a.yaml', 'a: 1\nb: c: d\n').diagnostics;
    expect(d).toMatchObject({ code: 'syntax-error', line: 2, column: 4 });
    expect(d?.message).toMatch(/^[A-Z][^\n]*\.$/);
  });

  it('locates JSON syntax errors', () => {
    expect(load('a.json', '{\n  "a": 1,\n  "b" 2\n}').diagnostics[0]).toMatchObject({
      code: 'syntax-error',
      line: 3,
      column: 7,
      message: expect.stringMatching(/^Invalid JSON: [^\n]+\.$/),
    });
    expect(load('a.json', '{"a": [1, 2').diagnostics[0]).toMatchObject({
      code: 'syntax-error',
      line: 1,
      column: 12,
    });
  });

  it('points at the second document', () => {
    const [d] = load('a.yaml', 'a: 1\n# next\n---\nb: 2\n---\nc: 3\n').diagnostics;
    expect(d).toMatchObject({ code: 'multiple-documents', line: 3, column: 1 });
  });

  it('accepts a document end marker with nothing after it', () => {
    expect(load('a.yaml', 'a: 1\n...\n# done\n').diagnostics).toEqual([]);
  });

  it('points at the top level that is not a mapping', () => {
    expect(load('a.yaml', '# c\n- a\n').diagnostics[0]).toMatchObject({
      code: 'not-an-object',
      line: 2,
      column: 1,
    });
  });

  it('applies the limits it is given and defaults the others', () => {
    const aliases = 'a: &a x\nb: [*a, *a, *a]\n';
    expect(codes(load('a.yaml', aliases, { maxAliasCount: 2 }))).toEqual(['alias-limit']);
    expect(codes(load('a.yaml', aliases, { maxAliasCount: 3 }))).toEqual([]);
    expect(codes(load('a.yaml', 'a: [[1]]', { maxDepth: 3 }))).toEqual([]);
    expect(codes(load('a.yaml', 'a: [[1]]', { maxDepth: 2 }))).toEqual(['depth-limit']);
  });

  it('never throws, whatever the bytes', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const alphabet = [
      '- ',
      ': ',
      '? ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '#',
      '|',
      '>',
      '&a ',
      '*a',
      '!t ',
      '\n',
      '  ',
      '\t',
      'k',
      '---\n',
      '%',
      '@',
    ];
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let j = 0; j < 40; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      for (const file of ['x.yaml', 'x.json']) {
        const doc = load(file, text);
        expect(doc.value === undefined || doc.diagnostics.length === 0).toBe(true);
        expect(() => doc.sourceMap.locate(['a', 0, 'b'], 'key')).not.toThrow();
      }
    }
  });
});
