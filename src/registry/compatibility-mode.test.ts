import { describe, expect, it } from 'vitest';
import type { DataContract } from '../spec/model/data-contract.js';
import { DEFAULT_REGISTRY, modeLowered, subjectRules } from './compatibility-mode.js';

const contract = (props: Record<string, string>) =>
  ({
    id: 'c1',
    customProperties: Object.entries(props).map(([property, value]) => ({ property, value })),
  }) as unknown as DataContract;

describe('subject rules', () => {
  it('takes the contract’s mode and policy over the mesh’s', () => {
    expect(subjectRules(contract({}), DEFAULT_REGISTRY)).toEqual({ mode: 'BACKWARD', policy: 'strict' });
    expect(
      subjectRules(
        contract({
          'meshplane.compatibility': 'full_transitive',
          'meshplane.compatibilityPolicy': 'Lenient',
        }),
        DEFAULT_REGISTRY,
      ),
    ).toEqual({ mode: 'FULL_TRANSITIVE', policy: 'lenient' });
    expect(() => subjectRules(contract({ 'meshplane.compatibility': 'SIDEWAYS' }), DEFAULT_REGISTRY)).toThrow(
      /c1: meshplane.compatibility must be one of NONE, BACKWARD/,
    );
  });

  it('knows which mode changes lower the guarantee', () => {
    expect(modeLowered('BACKWARD', 'NONE')).toBe(true);
    expect(modeLowered('BACKWARD', 'FORWARD')).toBe(true);
    expect(modeLowered('FULL', 'BACKWARD')).toBe(true);
    expect(modeLowered('BACKWARD_TRANSITIVE', 'BACKWARD')).toBe(true);
    expect(modeLowered('BACKWARD', 'BACKWARD_TRANSITIVE')).toBe(false);
    expect(modeLowered('BACKWARD', 'FULL')).toBe(false);
    expect(modeLowered('NONE', 'FORWARD')).toBe(false);
    expect(modeLowered('FULL_TRANSITIVE', 'FULL_TRANSITIVE')).toBe(false);
  });
});
