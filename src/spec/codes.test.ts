import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from './codes.js';

const page = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

describe('diagnostic code catalog', () => {
  it('documents every code in docs/rules.md with its severity and meaning', () => {
    for (const [code, { severity, doc }] of Object.entries(CODES)) {
      expect(page, code).toContain(`| \`${code}\` | ${severity} | ${doc} |`);
    }
  });

  it('documents no code that does not exist', () => {
    const documented = [...page.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(CODES).sort());
  });

  it('uses kebab-case codes', () => {
    for (const code of Object.keys(CODES)) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
