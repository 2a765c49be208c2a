import { describe, expect, it } from 'vitest';
import { ARRAY_CASES } from './cases/array-cases.js';
import { COMBINED_CASES } from './cases/combined-cases.js';
import type { CompatCase, Verdict } from './cases/compat-case.js';
import { ENUM_CASES } from './cases/enum-cases.js';
import { NUMBER_CASES } from './cases/number-cases.js';
import { DEPENDENCY_CASES, OBJECT_CASES, REQUIRED_CASES } from './cases/object-cases.js';
import { REFERENCE_CASES } from './cases/reference-cases.js';
import { STRING_CASES } from './cases/string-cases.js';
import { TYPE_CASES } from './cases/type-cases.js';
import { compareSchemas } from './compare-schemas.js';
import type { RuleSet } from './compatibility-mode.js';
import { DIFFERENCE_RULES } from './difference-types.js';
import type { Schema } from './schema-difference.js';

const GROUPS: Record<string, readonly CompatCase[]> = {
  types: TYPE_CASES,
  strings: STRING_CASES,
  numbers: NUMBER_CASES,
  'enum and const': ENUM_CASES,
  'objects and content models': OBJECT_CASES,
  required: REQUIRED_CASES,
  dependencies: DEPENDENCY_CASES,
  arrays: ARRAY_CASES,
  'combined schemas': COMBINED_CASES,
  'references, recursion, annotations, odd input': REFERENCE_CASES,
};
const ALL = Object.values(GROUPS).flat();

/** Deep copies, so that no case can pass because both sides are one object. */
const copy = (schema: Schema): Schema => structuredClone(schema) as Schema;

function verify(reader: Schema, writer: Schema, expected: Verdict, ruleSet: RuleSet) {
  const differences = compareSchemas(copy(reader), copy(writer), ruleSet);
  const types = [...new Set(differences.map((d) => d.type))].sort();
  const wanted = ruleSet === 'lenient' ? (expected.lenientTypes ?? expected.types) : expected.types;
  expect(types).toEqual([...new Set(wanted)].sort());
  expect(differences.every((d) => d.compatible)).toBe(expected[ruleSet]);
  for (const d of differences) {
    expect(d.path).toMatch(/^#(\/.*)?$/);
    expect(d.message.length).toBeGreaterThan(10);
    expect(d.compatible).toBe(DIFFERENCE_RULES[d.type as keyof typeof DIFFERENCE_RULES][ruleSet]);
  }
}

describe('compareSchemas case table', () => {
  it('has at least 80 cases with unique names', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(80);
    expect(new Set(ALL.map((c) => c.name)).size).toBe(ALL.length);
  });

  for (const [group, cases] of Object.entries(GROUPS)) {
    describe(group, () => {
      for (const c of cases) {
        describe(c.name, () => {
          for (const ruleSet of ['strict', 'lenient'] as const) {
            it(`backward (after reads before), ${ruleSet}`, () =>
              verify(c.after, c.before, c.backward, ruleSet));
            it(`forward (before reads after), ${ruleSet}`, () =>
              verify(c.before, c.after, c.forward, ruleSet));
          }
          if (c.confluent !== undefined) {
            const confluent = c.confluent;
            it(`agrees with Confluent: "${confluent.description}"`, () =>
              expect(c.backward.strict).toBe(confluent.compatible));
          }
        });
      }
    });
  }
});
