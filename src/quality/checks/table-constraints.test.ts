import { describe, expect, it } from 'vitest';
import { describeConstraint, provingConstraint, type TableConstraint } from './table-constraints.js';

const exact = (a: string, b: string) => a === b;
const PK: TableConstraint = { kind: 'PRIMARY KEY', name: 't_pkey', columns: ['id'] };
const TENANT_REF: TableConstraint = { kind: 'UNIQUE', columns: ['tenant', 'ref'] };
const EMAIL: TableConstraint = { kind: 'NOT NULL', columns: ['email'] };
const ALL = [EMAIL, TENANT_REF, PK];

describe('provingConstraint', () => {
  it('decides nullValues by a PRIMARY KEY or NOT NULL column, never by UNIQUE', () => {
    expect(provingConstraint(ALL, 'nullValues', ['id'], exact)).toBe(PK);
    expect(provingConstraint(ALL, 'nullValues', ['email'], exact)).toBe(EMAIL);
    expect(provingConstraint(ALL, 'nullValues', ['tenant'], exact)).toBeUndefined();
    expect(provingConstraint(ALL, 'nullValues', ['other'], exact)).toBeUndefined();
  });

  it('decides duplicateValues by a PRIMARY KEY or UNIQUE constraint within the rule columns', () => {
    expect(provingConstraint(ALL, 'duplicateValues', ['id'], exact)).toBe(PK);
    expect(provingConstraint(ALL, 'duplicateValues', ['ref', 'tenant'], exact)).toBe(TENANT_REF);
    expect(provingConstraint(ALL, 'duplicateValues', ['tenant', 'ref', 'email'], exact)).toBe(TENANT_REF);
    expect(provingConstraint(ALL, 'duplicateValues', ['tenant'], exact)).toBeUndefined();
    expect(provingConstraint(ALL, 'duplicateValues', ['email'], exact)).toBeUndefined();
  });

  it('prefers the primary key when several constraints decide the rule', () => {
    const unique: TableConstraint = { kind: 'UNIQUE', columns: ['id'] };
    expect(provingConstraint([unique, PK], 'duplicateValues', ['id'], exact)).toBe(PK);
    const notNull: TableConstraint = { kind: 'NOT NULL', columns: ['id'] };
    expect(provingConstraint([notNull, PK], 'nullValues', ['id'], exact)).toBe(PK);
  });

  it('decides no other metric, and nothing from an empty constraint', () => {
    for (const metric of ['missingValues', 'invalidValues', 'rowCount', undefined] as const)
      expect(provingConstraint(ALL, metric, ['id'], exact)).toBeUndefined();
    expect(
      provingConstraint([{ kind: 'UNIQUE', columns: [] }], 'duplicateValues', ['id'], exact),
    ).toBeUndefined();
  });

  it('compares names with the given identifier rule', () => {
    const folded = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    expect(provingConstraint(ALL, 'duplicateValues', ['ID'], exact)).toBeUndefined();
    expect(provingConstraint(ALL, 'duplicateValues', ['ID'], folded)).toBe(PK);
  });

  it('names the constraint in a message', () => {
    expect(describeConstraint(TENANT_REF)).toBe('UNIQUE (tenant, ref)');
  });
});
