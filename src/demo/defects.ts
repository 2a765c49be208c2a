import type { Property } from '../spec/model/data-contract.js';
import type { Random } from './random.js';
import type { CellValue, RowValues } from './row-values.js';
import { type ValueRules, valueRules, violates } from './value-rules.js';

/** A way to break one column of a row so that the contract's checks catch it. */
export interface Defect {
  readonly kind: 'missing-required' | 'invalid-value' | 'below-minimum';
  readonly rules: ValueRules;
}

/**
 * The defects a table's contract can catch: a missing required value, a value outside its allowed
 * set, pattern or format, a number below its minimum. Key columns are left alone, so a bad row
 * still says which order or customer it was about.
 */
export function defectsOf(properties: readonly Property[], keys: readonly string[]): Defect[] {
  return properties.flatMap((property) => {
    if (keys.includes(property.name) || property.primaryKey) return [];
    const rules = valueRules(property);
    const defects: Defect[] = [];
    if (rules.required) defects.push({ kind: 'missing-required', rules });
    if (rules.allowed !== undefined || rules.pattern !== undefined || rules.email) {
      defects.push({ kind: 'invalid-value', rules });
    }
    if (rules.minimum !== undefined) defects.push({ kind: 'below-minimum', rules });
    return defects;
  });
}

/** Plausible mistakes, most plausible first: wrong case, a typo'd e-mail, a placeholder. */
function invalidCandidates(value: CellValue | undefined): string[] {
  const text = value === null || value === undefined ? '' : String(value);
  return [text.toUpperCase(), text.replace('@', ' at '), 'unknown', `${text}${text}`, '?'];
}

/**
 * A copy of `values` with `defect` applied, or undefined when no value breaks the rule (the row
 * then stays good). The copy is checked against the rules, so a bad row is bad for certain.
 */
export function withDefect(values: RowValues, defect: Defect, random: Random): RowValues | undefined {
  const { rules } = defect;
  const current = values[rules.name];
  let broken: CellValue | undefined;
  switch (defect.kind) {
    case 'missing-required':
      broken = null;
      break;
    case 'below-minimum':
      broken = (rules.minimum ?? 0) - random.int(1, 3);
      break;
    case 'invalid-value':
      broken = invalidCandidates(current).find((c) => violates(rules, c));
      break;
  }
  if (broken === undefined || !violates(rules, broken)) return undefined;
  return { ...values, [rules.name]: broken };
}

/**
 * Which rows are bad: exactly one in each block of `1 / rate` rows, at a seeded place in the block,
 * so the share of bad rows is exact at any size while their places look random.
 */
export class DefectSchedule {
  private readonly block: number;
  private readonly random: Random;
  private badAt = -1;

  constructor(rate: number, random: Random) {
    this.block = rate > 0 ? Math.max(1, Math.round(1 / rate)) : 0;
    this.random = random;
  }

  /** Whether row `index` (0-based, asked in order) is to be bad. */
  isBad(index: number): boolean {
    if (this.block === 0) return false;
    if (index % this.block === 0) this.badAt = index + this.random.int(0, this.block - 1);
    return index === this.badAt;
  }
}
