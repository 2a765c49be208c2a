import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/spec/diagnostic.js';
import { detectKind } from '../src/spec/kind/detect-kind.js';
import { loadDocument } from '../src/spec/load/load-document.js';
import { validateSchema } from '../src/spec/schema/validate-schema.js';

/**
 * The official examples of ODCS and ODPS against the schemas copied into the project. They live in
 * ../shared (not shipped), so this suite skips loudly without it, and fails instead when
 * MESHPLANE_REQUIRE_SERVICES=1 (CI).
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared');
const standards = path.join(shared, 'standards');
const present = existsSync(path.join(standards, 'odcs', 'examples'));
const required = process.env.MESHPLANE_REQUIRE_SERVICES === '1';
if (!present && !required) console.warn(`SKIPPED: official ODCS/ODPS examples not found at ${standards}`);

/** Declare v3.0.2 but use v3.1.0 fields (timestamp/time types, team as an object, quality metric). */
const ODCS_DECLARING_AN_OLDER_VERSION = [
  'all-data-types.odcs.yaml',
  'basic-four-dpo.odcs.yaml',
  'column-completeness.odcs.yaml',
];
/** Declares v0.9.0 but uses v1.0.0 fields (team as an object, port tags and customProperties). */
const ODPS_DECLARING_AN_OLDER_VERSION = ['customer-data-product.odps.yaml'];

function examples(standard: 'odcs' | 'odps'): string[] {
  return present ? readdirSync(path.join(standards, standard, 'examples')).sort() : [];
}

function validate(standard: 'odcs' | 'odps', file: string, lenient: boolean): Diagnostic[] {
  const bytes = readFileSync(path.join(standards, standard, 'examples', file));
  const doc = loadDocument(file, bytes);
  expect(doc.diagnostics).toEqual([]);
  return validateSchema(doc, detectKind(doc.value, file), { lenient });
}

describe('official standards', () => {
  if (!present && required) {
    it('finds ../shared/standards (MESHPLANE_REQUIRE_SERVICES=1)', () => {
      expect.fail(`official examples not found at ${standards}`);
    });
  }

  describe.skipIf(!present)('schemas copied into the project', () => {
    it.each([
      ['odcs', 'odcs-json-schema-v3.0.0.json'],
      ['odcs', 'odcs-json-schema-v3.0.1.json'],
      ['odcs', 'odcs-json-schema-v3.0.2.json'],
      ['odcs', 'odcs-json-schema-v3.0.2-strict.json'],
      ['odcs', 'odcs-json-schema-v3.1.0.json'],
      ['odps', 'odps-json-schema-v0.9.0.json'],
      ['odps', 'odps-json-schema-v1.0.0.json'],
    ])('%s/%s is unchanged from upstream', (standard, file) => {
      const copy = readFileSync(path.join(repoRoot, 'src/spec/schema/standards', standard, file));
      expect(copy.equals(readFileSync(path.join(standards, standard, file)))).toBe(true);
    });
  });

  describe.skipIf(!present)('ODCS examples', () => {
    it('are the 18 official ones', () => {
      expect(examples('odcs')).toHaveLength(18);
      for (const file of ODCS_DECLARING_AN_OLDER_VERSION) expect(examples('odcs')).toContain(file);
    });

    const valid = examples('odcs').filter((f) => !ODCS_DECLARING_AN_OLDER_VERSION.includes(f));
    it.each(valid)('%s is valid under its own apiVersion', (file) => {
      expect(validate('odcs', file, false)).toEqual([]);
    });

    it.each(ODCS_DECLARING_AN_OLDER_VERSION)(
      '%s fails v3.0.2 with the v3.1.0 hint on every finding',
      (file) => {
        const found = validate('odcs', file, false);
        expect(found.length).toBeGreaterThan(0);
        for (const d of found) {
          expect(d.severity).toBe('error');
          expect(d.hint).toBe('valid under v3.1.0; update apiVersion to v3.1.0');
          expect(d.line).toBeGreaterThan(0);
        }
      },
    );

    it.each(ODCS_DECLARING_AN_OLDER_VERSION)('%s gives only warnings in lenient mode', (file) => {
      const found = validate('odcs', file, true);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((d) => d.severity === 'warning')).toBe(true);
    });
  });

  describe.skipIf(!present)('ODPS examples', () => {
    it('are the two official ones', () => {
      expect(examples('odps')).toEqual(['customer-data-product.odps.yaml', 'simple-data-product.odps.yaml']);
    });

    it('simple-data-product.odps.yaml is valid under its own apiVersion', () => {
      expect(validate('odps', 'simple-data-product.odps.yaml', false)).toEqual([]);
    });

    it.each(ODPS_DECLARING_AN_OLDER_VERSION)('%s is valid under v1.0.0, and told so', (file) => {
      const strict = validate('odps', file, false);
      expect(strict.length).toBeGreaterThan(0);
      for (const d of strict) expect(d.hint).toBe('valid under v1.0.0; update apiVersion to v1.0.0');
      expect(validate('odps', file, true).every((d) => d.severity === 'warning')).toBe(true);
    });
  });
});
