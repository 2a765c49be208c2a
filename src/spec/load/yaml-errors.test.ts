import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse-yaml.js';
import { MAX_SYNTAX_ERRORS, yamlErrorDiagnostics } from './yaml-errors.js';

function errors(text: string) {
  const parsed = parseYaml(text, 64);
  if (parsed.tooDeep !== undefined) throw new Error('too deep');
  const { doc, lineCounter } = parsed;
  return yamlErrorDiagnostics('a.yaml', { text, root: doc.contents, errors: doc.errors, lineCounter });
}

describe('yamlErrorDiagnostics', () => {
  it('points an unclosed quote at its opening quote', () => {
    const [d] = errors('a: 1\nb: "never closed\nc: 2\n');
    expect(d).toMatchObject({ code: 'syntax-error', line: 2, column: 4 });
    expect(d?.message).toBe('This double-quoted string is never closed.');
    expect(errors("a: 'open\nb: 2")[0]).toMatchObject({ line: 1, column: 4 });
  });

  it('points unclosed flow collections at their opening brackets', () => {
    const found = errors('a: [1, {x: 2\nb: 3\n').sort((x, y) => x.column - y.column);
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [1, 4],
      [1, 8],
    ]);
    expect(found[0]?.message).toMatch(/`\[` is not closed/);
  });

  it('moves an error on leading spaces to the mis-indented content', () => {
    const text = 'a:\n  - b: 1\n    c: 2\n   d: 3\n';
    expect(errors(text)[0]).toMatchObject({ code: 'syntax-error', line: 4, column: 4 });
  });

  it('keeps a tab used as indentation where the tab is', () => {
    expect(errors('a:\n\tb: 1\n')[0]).toMatchObject({ code: 'tab-indent', line: 2, column: 1 });
  });

  it('stops listing after a bounded number of errors', () => {
    const found = errors(Array.from({ length: 200 }, (_, i) => `k${i}: @reserved`).join('\n'));
    expect(found).toHaveLength(MAX_SYNTAX_ERRORS + 1);
    expect(found.at(-1)?.message).toMatch(/More syntax errors follow/);
    for (const d of found) expect(d.message).not.toContain('\n');
  });
});
