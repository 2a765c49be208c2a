import { describe, expect, it } from 'vitest';
import type { Property } from '../spec/model/data-contract.js';
import { normalizeContract } from '../spec/model/normalize-contract.js';
import { DefectSchedule, defectsOf, withDefect } from './defects.js';
import { Random } from './random.js';
import { valueRules, violates } from './value-rules.js';

function properties(list: readonly Record<string, unknown>[]): readonly Property[] {
  return normalizeContract({ schema: [{ name: 't', properties: list }] }).schema[0]?.properties ?? [];
}

const PROPS = properties([
  {
    name: 'order_id',
    logicalType: 'string',
    required: true,
    logicalTypeOptions: { pattern: '^O-[0-9]{4,}$' },
  },
  {
    name: 'status',
    logicalType: 'string',
    required: true,
    logicalTypeOptions: { pattern: '^(paid|shipped)$' },
  },
  {
    name: 'channel',
    logicalType: 'string',
    quality: [{ metric: 'invalidValues', mustBe: 0, arguments: { validValues: ['web', 'app'] } }],
  },
  { name: 'email', logicalType: 'string', logicalTypeOptions: { format: 'email' } },
  { name: 'quantity', logicalType: 'integer', logicalTypeOptions: { minimum: 1 } },
  { name: 'note', logicalType: 'string' },
]);
const ROW = {
  order_id: 'O-5001',
  status: 'paid',
  channel: 'web',
  email: 'a.b@example.com',
  quantity: 2,
  note: null,
};

describe('valueRules', () => {
  it('reads required, allowed values (from validValues or a pattern), pattern, minimum and e-mail format', () => {
    const [id, status, channel, email, quantity] = PROPS.map(valueRules);
    expect(status?.allowed).toEqual(['paid', 'shipped']);
    expect(channel?.allowed).toEqual(['web', 'app']);
    expect(quantity?.minimum).toBe(1);
    expect(email?.email).toBe(true);
    for (const rules of PROPS.map(valueRules))
      expect(violates(rules, ROW[rules.name as keyof typeof ROW])).toBe(false);
    expect(id && violates(id, 'O-12')).toBe(true);
    expect(id && violates(id, null)).toBe(true);
    expect(channel && violates(channel, 'fax')).toBe(true);
    expect(email && violates(email, 'a.b at example.com')).toBe(true);
  });
});

describe('defects', () => {
  it('never touch key columns', () => {
    const defects = defectsOf(PROPS, ['order_id']);
    expect(defects.map((d) => `${d.kind}:${d.rules.name}`)).toEqual([
      'missing-required:status',
      'invalid-value:status',
      'invalid-value:channel',
      'invalid-value:email',
      'below-minimum:quantity',
    ]);
  });

  it('make a copy that breaks its rule, leaving the original alone', () => {
    const random = Random.of(1);
    for (const defect of defectsOf(PROPS, ['order_id'])) {
      const bad = withDefect(ROW, defect, random);
      expect(bad).toBeDefined();
      expect(violates(defect.rules, bad?.[defect.rules.name])).toBe(true);
      expect(bad?.order_id).toBe('O-5001');
    }
    expect(ROW.status).toBe('paid');
  });

  it('break enum values the way people do: by case first', () => {
    const invalid = defectsOf(PROPS, []).find((d) => d.kind === 'invalid-value' && d.rules.name === 'status');
    expect(invalid && withDefect(ROW, invalid, Random.of(1))?.status).toBe('PAID');
  });
});

describe('DefectSchedule', () => {
  it('marks exactly one row in each block, at varying places', () => {
    const schedule = new DefectSchedule(0.005, Random.of(9));
    const bad: number[] = [];
    for (let i = 0; i < 10_000; i++) if (schedule.isBad(i)) bad.push(i);
    expect(bad).toHaveLength(50);
    expect(bad.map((row) => Math.floor(row / 200))).toEqual(bad.map((_row, k) => k));
    expect(new Set(bad.map((row) => row % 200)).size).toBeGreaterThan(40);
  });

  it('marks none at rate 0', () => {
    const schedule = new DefectSchedule(0, Random.of(9));
    for (let i = 0; i < 1000; i++) expect(schedule.isBad(i)).toBe(false);
  });
});
