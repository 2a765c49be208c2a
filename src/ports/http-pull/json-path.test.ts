import { describe, expect, it } from 'vitest';
import { BODY_PATH, compileJsonPath, type JsonPath, readJsonPath } from './json-path.js';

function path(text: string): JsonPath {
  const compiled = compileJsonPath(text);
  if (typeof compiled === 'string') throw new Error(compiled);
  return compiled;
}

describe('json paths', () => {
  const body = { data: { items: [{ id: 1 }, { id: 2 }], 'a/b': 'slash', 'c~d': 'tilde' }, next: null };

  it('reads JSON pointers and dotted paths', () => {
    expect(readJsonPath(body, path('/data/items'))).toEqual([{ id: 1 }, { id: 2 }]);
    expect(readJsonPath(body, path('data.items.1.id'))).toBe(2);
    expect(readJsonPath(body, path('/data/a~1b'))).toBe('slash');
    expect(readJsonPath(body, path('/data/c~0d'))).toBe('tilde');
    expect(readJsonPath(body, path('next'))).toBeNull();
  });

  it('reads the body itself for the empty path', () => {
    expect(path('')).toBe(BODY_PATH);
    expect(readJsonPath([1], BODY_PATH)).toEqual([1]);
  });

  it('gives undefined where the path leads nowhere, never inherited properties', () => {
    expect(readJsonPath(body, path('data.missing'))).toBeUndefined();
    expect(readJsonPath(body, path('data.items.x'))).toBeUndefined();
    expect(readJsonPath(body, path('data.items.01'))).toBeUndefined();
    expect(readJsonPath(body, path('data.constructor'))).toBeUndefined();
    expect(readJsonPath('text', path('length'))).toBeUndefined();
  });

  it('refuses paths with empty segments or that are not text', () => {
    expect(compileJsonPath('data..items')).toMatch(/empty segment/);
    expect(compileJsonPath('/data//x')).toMatch(/empty segment/);
    expect(compileJsonPath(3)).toMatch(/JSON pointer/);
  });
});
