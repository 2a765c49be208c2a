import { describe, expect, it } from 'vitest';
import { schemaSeverity } from './schema-severity.js';

describe('schemaSeverity', () => {
  it('keeps every schema finding an error in strict mode', () => {
    expect(schemaSeverity('schema-unknown-property', false, false)).toBe('error');
    expect(schemaSeverity('schema-format', false, true)).toBe('error');
  });

  it('makes usable findings warnings in lenient mode', () => {
    for (const code of ['schema-unknown-property', 'schema-format', 'schema-unique-items'] as const) {
      expect(schemaSeverity(code, true, false)).toBe('warning');
    }
  });

  it('keeps findings that break the document errors in lenient mode', () => {
    for (const code of [
      'schema-required',
      'schema-pattern',
      'schema-type',
      'schema-const',
      'schema-enum',
      'schema-range',
      'schema-invalid',
    ] as const) {
      expect(schemaSeverity(code, true, false)).toBe('error');
    }
  });

  it('makes every finding a warning in lenient mode when a newer version accepts the document', () => {
    expect(schemaSeverity('schema-required', true, true)).toBe('warning');
    expect(schemaSeverity('schema-type', true, true)).toBe('warning');
  });
});
