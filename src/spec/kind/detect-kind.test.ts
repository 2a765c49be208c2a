import { describe, expect, it } from 'vitest';
import { detectKind } from './detect-kind.js';

describe('detectKind', () => {
  it('reads the kind and apiVersion an ODCS contract declares', () => {
    expect(detectKind({ kind: 'DataContract', apiVersion: 'v3.1.0' }, 'orders.odcs.yaml')).toEqual({
      kind: 'DataContract',
      apiVersion: 'v3.1.0',
    });
  });

  it('reads ODPS data products, meshes and domains', () => {
    expect(detectKind({ kind: 'DataProduct', apiVersion: 'v1.0.0' }, 'p.yaml').kind).toBe('DataProduct');
    expect(detectKind({ kind: 'Mesh', apiVersion: 'meshplane/v1' }, 'x.yaml')).toEqual({
      kind: 'Mesh',
      apiVersion: 'meshplane/v1',
    });
    expect(detectKind({ kind: 'Domain', apiVersion: 'meshplane/v1' }, 'x.yaml').kind).toBe('Domain');
  });

  it('accepts a kind in the wrong case so the schema can name the fix', () => {
    expect(detectKind({ kind: 'datacontract', apiVersion: 'v3.1.0' }, 'c.yaml').kind).toBe('DataContract');
  });

  it('turns a numeric apiVersion into text', () => {
    expect(detectKind({ kind: 'DataContract', apiVersion: 3.1 }, 'c.yaml').apiVersion).toBe('3.1');
  });

  it('recognizes the Data Contract Specification and reports its version', () => {
    expect(detectKind({ dataContractSpecification: '1.1.0', id: 'x' }, 'c.yaml')).toEqual({
      kind: 'LegacyDataContract',
      apiVersion: '1.1.0',
    });
    expect(detectKind({ dataContractSpecification: '0.9.3', kind: 'DataContract' }, 'c.yaml').kind).toBe(
      'LegacyDataContract',
    );
  });

  it('falls back to the file name when kind is missing', () => {
    expect(detectKind({ apiVersion: 'meshplane/v1', name: 'shop' }, 'ws/mesh.yaml').kind).toBe('Mesh');
    expect(detectKind({ name: 'orders' }, 'ws\\domains\\orders\\domain.yml').kind).toBe('Domain');
    expect(detectKind({ id: 'x' }, 'domains/orders/p/orders.odcs.yaml').kind).toBe('DataContract');
    expect(detectKind({ id: 'x' }, 'domains/orders/p/product.odps.yaml').kind).toBe('DataProduct');
  });

  it('recognizes an ODCS v3 contract without kind by its fields', () => {
    expect(detectKind({ apiVersion: 'v3.0.2', schema: [] }, 'c.yaml').kind).toBe('DataContract');
    expect(detectKind({ apiVersion: 'v3.1.0', id: 'x', status: 'active' }, 'c.yaml').kind).toBe(
      'DataContract',
    );
    expect(detectKind({ apiVersion: 'v3.1.0', name: 'x' }, 'c.yaml').kind).toBe('Unknown');
  });

  it('recognizes an ODPS product without kind by its ports', () => {
    expect(detectKind({ apiVersion: 'v1.0.0', outputPorts: [] }, 'p.yaml').kind).toBe('DataProduct');
  });

  it('says Unknown for other kinds and for values that are not mappings', () => {
    expect(detectKind({ kind: 'Pipeline', apiVersion: 'v1' }, 'x.yaml')).toEqual({
      kind: 'Unknown',
      apiVersion: 'v1',
    });
    expect(detectKind({ kind: 7 }, 'mesh.yaml').kind).toBe('Unknown');
    expect(detectKind(['a'], 'mesh.yaml').kind).toBe('Unknown');
    expect(detectKind('text', 'mesh.yaml').kind).toBe('Unknown');
    expect(detectKind(null, 'mesh.yaml').kind).toBe('Unknown');
    expect(detectKind({}, 'notes.yaml').kind).toBe('Unknown');
  });
});
