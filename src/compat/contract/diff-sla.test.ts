import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../spec/load/load-document.js';
import type { ContractChange } from './contract-change.js';
import { contractSideFromDocument } from './contract-side.js';
import { diffContracts } from './diff-contracts.js';

/** The SLA entries given to `doc` start on line 12; a single entry's value is on line 13. */
const doc = (sla: string, head = 'version: 1.0.0\nstatus: active'): string => `apiVersion: v3.1.0
kind: DataContract
id: shop.orders
${head}
schema:
  - name: orders
    properties:
      - name: id
        logicalType: string
slaProperties:
${sla}`;
const entry = (property: string, value: string, unit?: string): string =>
  `  - property: ${property}\n    value: ${value}\n${unit === undefined ? '' : `    unit: ${unit}\n`}`;
const side = (file: string, text: string) =>
  contractSideFromDocument(loadDocument(file, new TextEncoder().encode(text)));
const diff = (a: string, b: string): ContractChange[] =>
  diffContracts(side('old.odcs.yaml', a), side('new.odcs.yaml', b));
const brief = (c: ContractChange) => ({
  type: c.type,
  path: c.path,
  breaking: c.breaking,
  old: c.old?.line,
  new: c.new?.line,
});
const sla = (property: string, from: [string, string?], to: [string, string?]) =>
  diff(doc(entry(property, ...from)), doc(entry(property, ...to)));

describe('diffContracts on SLAs', () => {
  it('reports a longer latency as weakened and breaking, comparing across units', () => {
    const changes = sla('latency', ['30', 'min'], ['1', 'h']);
    expect(changes.map(brief)).toEqual([
      { type: 'sla-weakened', path: 'slaProperties.latency', breaking: true, old: 13, new: 13 },
    ]);
    expect(changes[0]?.message).toContain('weakened from 30 min to 1 h');
  });

  it('reports a shorter latency as strengthened', () => {
    expect(sla('latency', ['2', 'hours'], ['90', 'm']).map(brief)).toEqual([
      { type: 'sla-strengthened', path: 'slaProperties.latency', breaking: false, old: 13, new: 13 },
    ]);
  });

  it('reads retention the other way: shorter is weaker', () => {
    expect(sla('retention', ['10', 'y'], ['5', 'years']).map(brief)).toEqual([
      { type: 'sla-weakened', path: 'slaProperties.retention', breaking: true, old: 13, new: 13 },
    ]);
  });

  it('reports a less frequent update as weakened', () => {
    expect(sla('frequency', ['15', 'min'], ['1', 'd']).map((c) => c.type)).toEqual(['sla-weakened']);
  });

  it('reports lower availability as weakened, with or without a percent sign', () => {
    expect(sla('availability', ['99.9', "'%'"], ['"99%"']).map(brief)).toEqual([
      { type: 'sla-weakened', path: 'slaProperties.availability', breaking: true, old: 13, new: 13 },
    ]);
  });

  it('reports a later time of availability as weakened', () => {
    expect(sla('timeOfAvailability', ['"06:00"'], ['"09:30"']).map((c) => c.type)).toEqual(['sla-weakened']);
  });

  it('reports the same duration in other words as changed, not breaking', () => {
    const changes = sla('retention', ['1', 'y'], ['365', 'd']);
    expect(changes.map(brief)).toEqual([
      { type: 'sla-changed', path: 'slaProperties.retention', breaking: false, old: 13, new: 13 },
    ]);
    expect(changes[0]?.message).toContain('the same promise');
  });

  it('reports an incomparable change as changed, not breaking, saying why', () => {
    const changes = sla('latency', ['1', 'd'], ['P1D']);
    expect(changes.map(brief)).toEqual([
      { type: 'sla-changed', path: 'slaProperties.latency', breaking: false, old: 13, new: 13 },
    ]);
    expect(changes[0]?.message).toContain('cannot be compared');
    expect(sla('endOfSupport', ['"2030-01-01"'], ['"2029-01-01"'])[0]?.message).toContain(
      'Meshplane knows no order for endOfSupport',
    );
  });

  it('pairs freshness with latency', () => {
    const changes = diff(doc(entry('freshness', '1', 'h')), doc(entry('latency', '1', 'd')));
    expect(changes.map(brief)).toEqual([
      { type: 'sla-weakened', path: 'slaProperties.latency', breaking: true, old: 13, new: 13 },
    ]);
  });

  it('reports a removed SLA as weakened and an added one as strengthened', () => {
    const latency = entry('latency', '1', 'h');
    const retention = entry('retention', '1', 'y');
    expect(diff(doc(`${latency}${retention}`), doc(latency)).map(brief)).toEqual([
      { type: 'sla-weakened', path: 'slaProperties.retention', breaking: true, old: 15, new: undefined },
    ]);
    expect(diff(doc(latency), doc(`${latency}${retention}`)).map(brief)).toEqual([
      { type: 'sla-strengthened', path: 'slaProperties.retention', breaking: false, old: undefined, new: 15 },
    ]);
  });
});

describe('diffContracts on version and status', () => {
  const latency = entry('latency', '1', 'h');

  it('reports a version change, not breaking', () => {
    const changes = diff(doc(latency), doc(latency, 'version: 2.0.0\nstatus: active'));
    expect(changes.map(brief)).toEqual([
      { type: 'version-changed', path: 'version', breaking: false, old: 4, new: 4 },
    ]);
    expect(changes[0]?.message).toBe('version changed from 1.0.0 to 2.0.0');
  });

  it('notes when breaking changes come with the same major version', () => {
    const changes = diff(doc(latency), doc(entry('latency', '2', 'h'), 'version: 1.1.0\nstatus: active'));
    expect(changes.map((c) => c.type)).toEqual(['sla-weakened', 'version-changed']);
    expect(changes[1]?.message).toBe(
      'version changed from 1.0.0 to 1.1.0, but 1 breaking change calls for a new major version',
    );
  });

  it('reports a deprecation, telling consumers to move off', () => {
    const changes = diff(doc(latency), doc(latency, 'version: 1.0.0\nstatus: deprecated'));
    expect(changes.map(brief)).toEqual([
      { type: 'status-changed', path: 'status', breaking: false, old: 5, new: 5 },
    ]);
    expect(changes[0]?.message).toBe(
      'status changed from active to deprecated: consumers should move off this contract',
    );
  });

  it("reports the contract's own descriptive fields as one annotation change", () => {
    const changes = diff(doc(latency), doc(latency, 'version: 1.0.0\nstatus: active\ntags: [sales]'));
    expect(changes.map(brief)).toEqual([
      { type: 'annotation-changed', path: 'contract', breaking: false, old: 1, new: 6 },
    ]);
    expect(changes[0]?.message).toBe('tags of contract changed');
  });
});
