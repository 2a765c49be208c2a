import { describe, expect, it } from 'vitest';
import { MAX_STRAY_ERRORS, parseYaml } from './parse-yaml.js';

/** Runs `fn` and returns its result with the wall-clock time it took. */
function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

describe('parseYaml', () => {
  it('composes the first document with the YAML 1.2 core schema', () => {
    const parsed = parseYaml('a: 2024-01-01\nb: [1, 0x1F]\n', 64);
    expect(parsed.tooDeep).toBeUndefined();
    if (parsed.tooDeep !== undefined) return;
    expect(parsed.doc.toJS()).toEqual({ a: '2024-01-01', b: [1, 31] });
    expect(parsed.secondDocument).toBeUndefined();
    expect(parsed.lineCounter.linePos(6)).toEqual({ line: 1, col: 7 });
  });

  it('stops at the start of a second document', () => {
    const parsed = parseYaml('a: 1\n---\nb: 2\n---\nc: 3\n', 64);
    expect(parsed.tooDeep === undefined && parsed.secondDocument).toBe(5);
  });

  it('stops after too many stray tokens', () => {
    const parsed = parseYaml(']\n'.repeat(10_000), 64);
    expect(parsed.tooDeep === undefined && parsed.strayErrors).toBe(MAX_STRAY_ERRORS + 1);
  });

  it('stops where the parser’s error recovery nests past the limit', () => {
    // Each line adds a level in yaml's recovery, though the text does not look nested.
    const { result, ms } = timed(() => parseYaml('a: \na: '.repeat(100_000), 64));
    expect(result.tooDeep).toBeGreaterThan(0);
    // A guard against a blow-up (minutes), not a speed target: generous for loaded machines.
    expect(ms).toBeLessThan(10_000);
  });

  it('lets valid documents nest up to the limit', () => {
    const text = `${'['.repeat(64)}${']'.repeat(64)}`;
    expect(parseYaml(text, 64).tooDeep).toBeUndefined();
  });
});
