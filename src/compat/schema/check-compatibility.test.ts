import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import { type CompatibilityResult, checkCompatibility, type SchemaVersion } from './check-compatibility.js';
import { COMPATIBILITY_MODES, type CompatibilityMode } from './compatibility-mode.js';
import type { Schema } from './schema-difference.js';

/** A plain JSON Schema version: consumers and producers use the same document. */
const version = (label: string, schema: Schema): SchemaVersion => ({ label, reader: schema, writer: schema });
const closed = (properties: Record<string, Schema>): Schema => ({
  type: 'object',
  properties,
  additionalProperties: false,
});

// v1 wrote `a` as an integer; v2 made it a string; v3 added the optional `b`. The candidate is v3
// again, so it matches the latest version exactly, reads v2 (b is optional) but not v1 (a's type),
// and v2 cannot read it (v2's closed model rejects b).
const v1 = version('1.0.0', closed({ a: { type: 'integer' } }));
const v2 = version('2.0.0', closed({ a: { type: 'string' } }));
const v3 = version('2.1.0', closed({ a: { type: 'string' }, b: { type: 'string' } }));
const candidate = version('2.2.0', closed({ a: { type: 'string' }, b: { type: 'string' } }));
const history = [v1, v2, v3];

const summary = (result: CompatibilityResult) =>
  result.checks.map((c) => `${c.against} ${c.direction} ${c.compatible ? 'ok' : 'breaks'}`);

describe('checkCompatibility modes on a history of three versions', () => {
  const expected: Record<CompatibilityMode, { compatible: boolean; checks: string[] }> = {
    NONE: { compatible: true, checks: [] },
    BACKWARD: { compatible: true, checks: ['2.1.0 backward ok'] },
    BACKWARD_TRANSITIVE: {
      compatible: false,
      checks: ['2.1.0 backward ok', '2.0.0 backward ok', '1.0.0 backward breaks'],
    },
    FORWARD: { compatible: true, checks: ['2.1.0 forward ok'] },
    FORWARD_TRANSITIVE: {
      compatible: false,
      checks: ['2.1.0 forward ok', '2.0.0 forward breaks', '1.0.0 forward breaks'],
    },
    FULL: { compatible: true, checks: ['2.1.0 backward ok', '2.1.0 forward ok'] },
    FULL_TRANSITIVE: {
      compatible: false,
      checks: [
        '2.1.0 backward ok',
        '2.1.0 forward ok',
        '2.0.0 backward ok',
        '2.0.0 forward breaks',
        '1.0.0 backward breaks',
        '1.0.0 forward breaks',
      ],
    },
  };

  for (const mode of COMPATIBILITY_MODES) {
    it(`${mode}: ${expected[mode].compatible ? 'compatible' : 'incompatible'}, checks newest first`, () => {
      const result = checkCompatibility(mode, candidate, history);
      expect(result.mode).toBe(mode);
      expect(result.ruleSet).toBe('strict');
      expect(result.compatible).toBe(expected[mode].compatible);
      expect(summary(result)).toEqual(expected[mode].checks);
    });
  }

  it('reports why an older version breaks', () => {
    const result = checkCompatibility('FULL_TRANSITIVE', candidate, history);
    const types = (against: string, direction: string) =>
      result.checks
        .find((c) => c.against === against && c.direction === direction)
        ?.differences.filter((d) => !d.compatible)
        .map((d) => `${d.type} ${d.path}`);
    expect(types('1.0.0', 'backward')).toEqual(['TYPE_CHANGED #/properties/a']);
    expect(types('2.0.0', 'forward')).toEqual(['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b']);
  });
});

describe('checkCompatibility directions', () => {
  // A producer that writes exactly its columns (closed) and a consumer that ignores unknown ones (open).
  const odcsLike = (label: string, properties: Record<string, Schema>): SchemaVersion => ({
    label,
    reader: { type: 'object', properties },
    writer: { type: 'object', properties, additionalProperties: false },
  });
  const before = odcsLike('1', { id: { type: 'integer' } });
  const after = odcsLike('2', { id: { type: 'integer' }, note: { type: ['string', 'null'] } });

  it('BACKWARD reads the old writer with the new reader; FORWARD the new writer with the old reader', () => {
    const plainBefore = version('1', closed({ id: { type: 'integer' } }));
    const plainAfter = version('2', closed({ id: { type: 'integer' }, note: { type: 'string' } }));
    expect(checkCompatibility('BACKWARD', plainAfter, [plainBefore]).compatible).toBe(true);
    expect(checkCompatibility('FORWARD', plainAfter, [plainBefore]).compatible).toBe(false);
    expect(checkCompatibility('FULL', plainAfter, [plainBefore]).compatible).toBe(false);
  });

  it('an open reader and a closed writer make an added optional column FULL compatible', () => {
    const result = checkCompatibility('FULL', after, [before]);
    expect(result.compatible).toBe(true);
    expect(result.checks.map((c) => c.differences.map((d) => d.type))).toEqual([
      ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', 'ADDITIONAL_PROPERTIES_ADDED'],
      ['PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', 'ADDITIONAL_PROPERTIES_ADDED'],
    ]);
  });

  it('passes the rule set to every check', () => {
    const open = (label: string, properties: Record<string, Schema>) =>
      version(label, { type: 'object', properties });
    const old = open('1', { id: { type: 'integer' } });
    const added = open('2', { id: { type: 'integer' }, note: { type: 'string' } });
    expect(checkCompatibility('BACKWARD', added, [old], 'strict').compatible).toBe(false);
    const lenient = checkCompatibility('BACKWARD', added, [old], 'lenient');
    expect(lenient.compatible).toBe(true);
    expect(lenient.ruleSet).toBe('lenient');
    expect(lenient.checks[0]?.differences).toEqual([
      expect.objectContaining({ type: 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', compatible: true }),
    ]);
  });

  it('is compatible with no checks when there is no earlier version', () => {
    for (const mode of COMPATIBILITY_MODES) {
      expect(checkCompatibility(mode, candidate, [])).toEqual({
        compatible: true,
        mode,
        ruleSet: 'strict',
        checks: [],
      });
    }
  });

  it('refuses an unknown mode or rule set with INVALID_INPUT', () => {
    const call =
      (mode: string, ruleSet = 'strict') =>
      () =>
        checkCompatibility(mode as CompatibilityMode, candidate, history, ruleSet as 'strict');
    expect(call('BACKWARDS')).toThrow(MeshplaneError);
    expect(call('BACKWARDS')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(call('FULL', 'relaxed')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
