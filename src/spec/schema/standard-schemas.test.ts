import { describe, expect, it } from 'vitest';
import { validatorFor } from './compiled-schemas.js';
import {
  newerSchemas,
  ODCS_V302_STRICT,
  STANDARD_SCHEMAS,
  schemaFor,
  supportedApiVersions,
} from './standard-schemas.js';

describe('standard schemas', () => {
  it('supports the ODCS, ODPS and Meshplane versions, oldest first', () => {
    expect(supportedApiVersions('DataContract')).toEqual(['v3.0.0', 'v3.0.1', 'v3.0.2', 'v3.1.0']);
    expect(supportedApiVersions('DataProduct')).toEqual(['v0.9.0', 'v1.0.0']);
    expect(supportedApiVersions('Mesh')).toEqual(['meshplane/v1']);
    expect(supportedApiVersions('Domain')).toEqual(['meshplane/v1']);
  });

  it('never picks the strict v3.0.2 schema by default', () => {
    expect(schemaFor('DataContract', 'v3.0.2')?.id).toBe('odcs-v3.0.2');
    expect(STANDARD_SCHEMAS).not.toContain(ODCS_V302_STRICT);
    expect(schemaFor('DataContract', 'v3.0.2-strict')).toBeUndefined();
  });

  it('lists the newer versions of the same standard', () => {
    const v302 = schemaFor('DataContract', 'v3.0.2');
    expect(v302 && newerSchemas(v302).map((s) => s.apiVersion)).toEqual(['v3.1.0']);
    const v100 = schemaFor('DataProduct', 'v1.0.0');
    expect(v100 && newerSchemas(v100)).toEqual([]);
  });

  it('compiles each schema once and reuses it', () => {
    for (const schema of [...STANDARD_SCHEMAS, ODCS_V302_STRICT]) {
      expect(validatorFor(schema)).toBe(validatorFor(schema));
    }
  });
});
