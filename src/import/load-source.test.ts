import { describe, expect, it } from 'vitest';
import { loadStructured, loadText, syntaxDiagnostic } from './load-source.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('loadStructured', () => {
  it('parses YAML and JSON', () => {
    expect(loadStructured('a.yaml', bytes('a: 1\n'), 'yaml')).toMatchObject({ ok: true, value: { a: 1 } });
    expect(loadStructured('a.avsc', bytes('{"type": "record"}'), 'json')).toMatchObject({
      ok: true,
      value: { type: 'record' },
    });
  });

  it('locates a JSON error in a file not named .json, under its own name', () => {
    const result = loadStructured('s.avsc', bytes('{\n  "a": 1,\n}'), 'json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ file: 's.avsc', code: 'syntax-error', line: 3, column: 1 });
  });

  it('applies the loader limits (nesting depth)', () => {
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    const result = loadStructured('deep.json', bytes(deep), 'json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]?.message).toMatch(/deep/i);
  });
});

describe('loadText', () => {
  it('refuses binary input and keeps text', () => {
    expect(loadText('a.sql', bytes('select 1'))).toMatchObject({ ok: true, value: 'select 1' });
    expect(loadText('a.sql', new Uint8Array([0x53, 0, 0x51]))).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'file-binary' }],
    });
  });

  it('turns a parser error into a located diagnostic', () => {
    expect(
      syntaxDiagnostic('a.sql', {
        message: 'SQL syntax error: unexpected "N"',
        line: 3,
        column: 17,
        hint: 'expected ")"',
      }),
    ).toMatchObject({
      file: 'a.sql',
      code: 'syntax-error',
      severity: 'error',
      line: 3,
      column: 17,
      hint: 'expected ")"',
    });
  });
});
