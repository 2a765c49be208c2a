import { describe, expect, it } from 'vitest';
import { fitOptions } from './fit-options.js';
import { coerceToFact, fitsFact } from './fits-fact.js';
import type { ImportGap } from './imported-table.js';
import {
  logicalTypeOptionFacts,
  ODCS_QUALITY_METRICS,
  ODCS_SERVER_TYPES,
  serverFacts,
} from './odcs-facts.js';

describe('facts read from the ODCS v3.1.0 schema', () => {
  it('knows each server type with its fields and required fields', () => {
    expect(ODCS_SERVER_TYPES).toContain('postgres');
    expect(serverFacts('postgres')?.required).toEqual(['host', 'port', 'database', 'schema']);
    expect(serverFacts('postgres')?.fields.get('port')).toEqual({ type: 'integer' });
    expect(serverFacts('s3')?.fields.get('location')).toEqual({ type: 'string', format: 'uri' });
    expect(serverFacts('mysql')?.fields.has('schema')).toBe(false);
    expect(serverFacts('custom')?.required).toEqual([]);
    expect(serverFacts('gcs')).toBeUndefined();
  });

  it('knows the logicalTypeOptions of each logical type', () => {
    expect([...logicalTypeOptionFacts('string').keys()].sort()).toEqual([
      'format',
      'maxLength',
      'minLength',
      'pattern',
    ]);
    expect(logicalTypeOptionFacts('timestamp').get('timezone')).toEqual({ type: 'boolean' });
    expect(logicalTypeOptionFacts('integer').get('format')?.enum).toContain('i64');
    expect(ODCS_QUALITY_METRICS).toEqual([
      'nullValues',
      'missingValues',
      'invalidValues',
      'duplicateValues',
      'rowCount',
    ]);
  });
});

describe('fitting values to the facts', () => {
  it('checks types, formats and enums, and coerces only without loss', () => {
    expect(fitsFact({ type: 'string', format: 'uri' }, 's3://bucket/x/*.json')).toBe(true);
    expect(fitsFact({ type: 'string', format: 'uri' }, '__S3_ENDPOINT_URL__')).toBe(false);
    expect(coerceToFact({ type: 'integer' }, '5432')).toBe(5432);
    expect(coerceToFact({ type: 'integer' }, '__PORT__')).toBeUndefined();
    expect(coerceToFact({ type: 'string' }, 1.5)).toBeUndefined();
  });

  it('keeps the options a logical type takes and reports the others', () => {
    const gaps: ImportGap[] = [];
    expect(fitOptions('date', { format: 'yyyy-MM-dd', minimum: 3, maxLength: 10 }, 'x.d', gaps)).toEqual({
      format: 'yyyy-MM-dd',
    });
    expect(gaps).toEqual([
      { where: 'x.d', message: 'minimum 3 dropped: ODCS expects a string value' },
      { where: 'x.d', message: 'maxLength 10 dropped: ODCS has no maxLength option for logicalType date' },
    ]);
    expect(fitOptions('string', {}, 'x', gaps)).toBeUndefined();
  });
});
