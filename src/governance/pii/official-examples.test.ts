import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../spec/load/load-document.js';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import { detectContractPii, type PiiReport } from './detect-pii.js';

/** The official ODCS examples from ../shared (not shipped): skipped loudly without them, failed in CI. */
const here = path.dirname(fileURLToPath(import.meta.url));
const examplesDir = path.resolve(here, '../../../../shared/standards/odcs/examples');
const present = existsSync(examplesDir);
if (!present) {
  if (process.env.MESHPLANE_REQUIRE_SERVICES === '1')
    throw new Error('../shared is required (MESHPLANE_REQUIRE_SERVICES=1)');
  console.warn(
    `SKIPPED: official ODCS examples not found at ${examplesDir}; PII detection is not run on them`,
  );
}

function detect(file: string): PiiReport {
  const doc = loadDocument(file, readFileSync(path.join(examplesDir, file)));
  expect(doc.diagnostics).toEqual([]);
  return detectContractPii(normalizeContract(doc.value), undefined, {
    file,
    locate: (p) => doc.sourceMap.locate(p),
  });
}

function byProperty(report: PiiReport): Map<string, string> {
  return new Map(report.diagnostics.map((d, i) => [report.properties[i]?.property ?? '', d.code]));
}

describe.skipIf(!present)('PII detection on the official ODCS examples', () => {
  it('runs on every example', () => {
    const files = readdirSync(examplesDir).filter((f) => f.endsWith('.odcs.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(18);
    for (const file of files) {
      const report = detect(file);
      expect(report.diagnostics).toHaveLength(report.properties.length);
    }
  });

  it('accepts full-example: its one person name is classified restricted', () => {
    const report = detect('full-example.odcs.yaml');
    expect([...byProperty(report)]).toEqual([['receiver_name', 'pii-classified']]);
    expect(report.diagnostics[0]).toMatchObject({
      file: 'full-example.odcs.yaml',
      line: 199,
      severity: 'info',
    });
  });

  it('flags the unclassified people data of AdventureWorks, not its keys and flags', () => {
    const report = detect('postgresql-adventureworks-contract.odcs.yaml');
    const codes = byProperty(report);
    for (const name of [
      'nationalidnumber',
      'birthdate',
      'emailaddress',
      'firstname',
      'lastname',
      'phonenumber',
    ]) {
      expect(codes.get(name), name).toBe('pii-unclassified');
    }
    expect(codes.get('cardnumber')).toBe('pii-unclassified');
    for (const name of [
      'emailaddressid',
      'emailpromotion',
      'phonenumbertypeid',
      'creditcardid',
      'businessentityid',
    ]) {
      expect(codes.has(name), name).toBe(false);
    }
    expect(codes.has('name')).toBe(false);
    const national = report.properties.find((p) => p.property === 'nationalidnumber');
    expect(national).toMatchObject({
      kinds: ['national-id'],
      confidence: 'high',
      suggestedClassification: 'restricted',
    });
    const nationalFinding = report.diagnostics.find((d) => d.message.includes('`nationalidnumber`'));
    expect(nationalFinding).toMatchObject({ line: 73, severity: 'error' });
    expect(nationalFinding?.message).toContain('national identifier by name `nationalidnumber`');
  });

  it('reads nested objects and arrays in all-schema-types', () => {
    const report = detect('all-schema-types.odcs.yaml');
    expect(report.properties.map((p) => p.property)).toEqual(['street_lines', 'x.zip']);
    expect(report.diagnostics.map((d) => d.line)).toEqual([81, 100]);
  });

  it('finds nothing where there is no personal data', () => {
    for (const file of ['column-accuracy.odcs.yaml', 'kafka-schema.odcs.yaml', 'table-column.odcs.yaml']) {
      expect(detect(file).diagnostics, file).toEqual([]);
    }
  });
});
