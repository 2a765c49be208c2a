import { describe, expect, it } from 'vitest';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import { detectContractPii, detectPii } from './detect-pii.js';

function contract(properties: unknown[], schemaName = 'customers') {
  return normalizeContract({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'customers',
    version: '1.0.0',
    status: 'active',
    schema: [{ name: schemaName, physicalName: `${schemaName}_tbl`, properties }],
  });
}

function schemaOf(properties: unknown[]) {
  const first = contract(properties).schema[0];
  if (first === undefined) throw new Error('no schema object');
  return first;
}

describe('detectPii', () => {
  it('fails the policy for unclassified or public PII and passes classified PII', () => {
    const schema = schemaOf([
      { name: 'customer_id', logicalType: 'integer' },
      { name: 'email', logicalType: 'string' },
      { name: 'card_number', logicalType: 'string', classification: 'public' },
      { name: 'phone', logicalType: 'string', classification: 'confidential' },
      { name: 'iban', logicalType: 'string', classification: 'internal' },
      { name: 'email_verified', logicalType: 'boolean' },
    ]);
    const report = detectPii(schema, undefined, { file: 'customers.odcs.yaml' });
    expect(report.properties.map((p) => p.property)).toEqual(['email', 'card_number', 'phone', 'iban']);
    expect(report.diagnostics.map((d) => [d.code, d.severity, d.path.join('/')])).toEqual([
      ['pii-unclassified', 'error', 'schema/0/properties/1'],
      ['pii-unclassified', 'error', 'schema/0/properties/2'],
      ['pii-classified', 'info', 'schema/0/properties/3'],
      ['pii-under-classified', 'warning', 'schema/0/properties/4'],
    ]);
    const [email, card] = report.diagnostics;
    expect(email?.message).toBe(
      'Property `email` holds personal data (e-mail address by name `email` (high confidence)) but has no classification',
    );
    expect(email?.hint).toMatch(/classification: confidential/);
    expect(email?.file).toBe('customers.odcs.yaml');
    expect(card?.message).toMatch(/payment card number by name `card_number`.* is classified `public`/);
    expect(card?.hint).toMatch(/classification: restricted/);
    expect(report.properties[1]?.suggestedClassification).toBe('restricted');
    expect(report.properties[0]?.suggestedClassification).toBe('confidential');
  });

  it('detects by values, by physical name key, and says how', () => {
    const schema = schemaOf([
      { name: 'contact', physicalName: 'contact_txt', logicalType: 'string' },
      { name: 'ref', logicalType: 'string' },
    ]);
    const samples = {
      contact_txt: ['ada@example.com', 'alan@example.org', 'grace@example.net', 'edsger@example.nl', ''],
      ref: ['ORD-1', 'ORD-2'],
    };
    const report = detectPii(schema, samples);
    expect(report.properties).toHaveLength(1);
    const [found] = report.properties;
    expect(found?.kinds).toEqual(['email']);
    expect(found?.byName).toEqual([]);
    expect(found?.sample).toEqual({ examined: 5, nonEmpty: 4, tooLong: 0, truncated: false });
    expect(report.diagnostics[0]?.message).toContain(
      'e-mail address by values: 4 of 4 non-empty sampled values are e-mail addresses',
    );
  });

  it('rates agreement of name and values high, and a weak value hint only warns', () => {
    const schema = schemaOf([
      { name: 'mobile', logicalType: 'string' },
      { name: 'code', logicalType: 'string' },
    ]);
    const report = detectPii(schema, { mobile: ['+14155550142'], code: ['AB123456C', 'CD654321A'] });
    expect(report.properties.map((p) => [p.property, p.confidence])).toEqual([
      ['mobile', 'high'],
      ['code', 'low'],
    ]);
    expect(report.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['pii-unclassified', 'error'],
      ['pii-suspected', 'warning'],
    ]);
  });

  it('honours the threshold option', () => {
    const schema = schemaOf([{ name: 'order_ref', logicalType: 'string' }]);
    const values = ['212-555-0142', 'ORD-1', 'ORD-2', 'ORD-3'];
    expect(detectPii(schema, { order_ref: values }).properties).toEqual([]);
    expect(detectPii(schema, { order_ref: values }, { threshold: 0.25 }).properties[0]?.kinds).toEqual([
      'phone',
    ]);
  });

  it('walks nested objects and arrays, and reads array-valued samples element by element', () => {
    const schema = schemaOf([
      {
        name: 'customer',
        logicalType: 'object',
        properties: [
          { name: 'first_name', logicalType: 'string', classification: 'confidential' },
          { name: 'contacts', logicalType: 'array', items: { name: 'contact', logicalType: 'string' } },
        ],
      },
    ]);
    const report = detectPii(schema, {
      'customer.contacts': [['+14155550142', '+442079460958'], ['+33612345678']],
    });
    expect(report.properties.map((p) => [p.property, p.kinds.join(), p.sample?.nonEmpty])).toEqual([
      ['customer.first_name', 'person-name', undefined],
      ['customer.contacts', 'phone', 3],
    ]);
  });

  it('takes the owner’s word: a pii tag declares, pii: false overrides a look-alike', () => {
    const schema = schemaOf([
      { name: 'notes', logicalType: 'string', tags: ['PII'] },
      { name: 'ip', logicalType: 'string', customProperties: [{ property: 'pii', value: false }] },
      { name: 'zip', logicalType: 'string', customProperties: [{ property: 'pii', value: 'true' }] },
    ]);
    const report = detectPii(schema, { ip: ['10.0.0.1'] });
    expect(report.properties.map((p) => [p.property, p.declared, p.confidence])).toEqual([
      ['notes', true, 'high'],
      ['zip', true, 'high'],
    ]);
    expect(report.diagnostics[0]?.message).toContain('declared by its `pii` tag');
    expect(report.diagnostics[0]?.code).toBe('pii-unclassified');
  });

  it('locates findings through the given source map', () => {
    const schema = schemaOf([{ name: 'ssn', logicalType: 'string' }]);
    const report = detectPii(schema, undefined, {
      file: 'x.odcs.yaml',
      locate: (path) => ({ line: path.length + 10, column: 7 }),
    });
    expect(report.diagnostics[0]).toMatchObject({ file: 'x.odcs.yaml', line: 14, column: 7 });
  });

  it('never reads inherited keys of the samples and ignores malformed samples', () => {
    const schema = schemaOf([
      { name: 'constructor', logicalType: 'string' },
      { name: 'email', logicalType: 'string' },
    ]);
    const samples = { email: 'not-an-array' } as unknown as Record<string, unknown[]>;
    const report = detectPii(schema, samples);
    expect(report.properties.map((p) => [p.property, p.sample])).toEqual([
      ['email', { examined: 0, nonEmpty: 0, tooLong: 0, truncated: false }],
    ]);
  });

  it('reads classifications case-insensitively and accepts ones outside the usual order', () => {
    const schema = schemaOf([
      { name: 'email', logicalType: 'string', classification: ' Confidential ' },
      { name: 'ssn', logicalType: 'string', classification: 'PUBLIC' },
      { name: 'phone', logicalType: 'string', classification: 'hr-only' },
      { name: 'zip', logicalType: 'string', classification: 'constructor' },
      { name: 'iban', logicalType: 'string', classification: '' },
    ]);
    expect(detectPii(schema).diagnostics.map((d) => d.code)).toEqual([
      'pii-classified',
      'pii-unclassified',
      'pii-classified',
      'pii-classified',
      'pii-unclassified',
    ]);
  });

  it('throws MeshplaneError for invalid options', () => {
    expect(() => detectPii(schemaOf([]), undefined, { threshold: 2 })).toThrow(/threshold/);
  });
});

describe('detectContractPii', () => {
  it('runs every schema object with its own samples', () => {
    const doc = contract([{ name: 'payload', logicalType: 'string' }], 'events');
    const report = detectContractPii(doc, { events_tbl: { payload: ['4111111111111111'] } });
    expect(report.properties.map((p) => [p.property, p.kinds.join()])).toEqual([['payload', 'payment-card']]);
    expect(report.diagnostics[0]?.code).toBe('pii-unclassified');
  });
});
