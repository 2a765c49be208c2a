import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/spec/codes.js';
import { type ValidationReport, validateWorkspace } from '../src/spec/validate/index.js';
import { sharedAvailable, sharedDir } from './support/shared.js';

/**
 * The robustness corpus: 188 real contracts from datacontract-cli (ODCS v3.0.x / v3.1.0 and the
 * legacy Data Contract Specification). Every file must load without a crash and get a verdict
 * with located diagnostics. The verdict counts are pinned: a change in them is a change in
 * Meshplane's behaviour on real documents and must be looked at, then the numbers updated.
 */
const corpus = path.join(sharedDir, 'corpus/datacontract-cli');
const present = sharedAvailable('corpus/datacontract-cli');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
}

const files = present ? yamlFiles(corpus) : [];

function verdict(file: string, lenient: boolean): ValidationReport['files'][number] {
  const report = validateWorkspace([{ file, bytes: readFileSync(path.join(corpus, file)) }], { lenient });
  const result = report.files[0];
  if (result === undefined) throw new Error(`no verdict for ${file}`);
  return result;
}

function tally(lenient: boolean) {
  const counts: Record<string, number> = {};
  for (const file of files) {
    const result = verdict(file, lenient);
    const key = `${result.kind} ${result.valid ? 'valid' : 'invalid'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe.runIf(present)('datacontract-cli corpus', () => {
  it('holds the 188 contracts', () => {
    expect(files).toHaveLength(188);
  });

  it('gives every file a verdict with located, catalogued diagnostics and no crash', () => {
    for (const file of files) {
      for (const lenient of [false, true]) {
        const result = verdict(file, lenient);
        expect(['DataContract', 'LegacyDataContract']).toContain(result.kind);
        for (const d of result.diagnostics) {
          expect(d.line, `${file} ${d.code}`).toBeGreaterThanOrEqual(1);
          expect(d.column, `${file} ${d.code}`).toBeGreaterThanOrEqual(1);
          expect(Object.keys(CODES)).toContain(d.code);
          expect(d.message).not.toBe('');
        }
        if (result.kind === 'DataContract') expect(result.apiVersion).toMatch(/^v3\./);
      }
    }
  });

  it('recognizes the legacy Data Contract Specification and says so', () => {
    const legacy = files.map((f) => verdict(f, false)).filter((r) => r.kind === 'LegacyDataContract');
    expect(legacy.length).toBeGreaterThan(0);
    for (const r of legacy) {
      expect(r.diagnostics.map((d) => d.code)).toEqual(['legacy-format']);
      expect(r.diagnostics[0]?.message).toContain('Data Contract Specification');
    }
  });

  it('keeps the strict verdict counts', () => {
    expect(tally(false)).toEqual(STRICT);
  });

  it('keeps the lenient verdict counts', () => {
    expect(tally(true)).toEqual(LENIENT);
  });
});

/** Looked at by hand: v3.0.x documents using v3.1.0 fields, unknown server fields, bad enum values. */
const STRICT = { 'DataContract valid': 81, 'DataContract invalid': 24, 'LegacyDataContract invalid': 83 };
/** Lenient accepts the documents valid under a newer version and those with only unknown fields or formats. */
const LENIENT = { 'DataContract valid': 95, 'DataContract invalid': 10, 'LegacyDataContract invalid': 83 };
