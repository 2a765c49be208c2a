import { MeshplaneError } from '../../errors/index.js';

/** Tuning of value-based detection. Every field has a default; see DEFAULT_PII_OPTIONS. */
export interface PiiOptions {
  /** Share of a property's non-empty sampled values that must match a detector (0 < t <= 1). */
  readonly threshold: number;
  /** Sampled values read per property; the rest are ignored (bounded work). */
  readonly maxValues: number;
  /** Longer values are counted as non-matching without being examined (bounded work). */
  readonly maxValueLength: number;
  /** Fewest non-empty values a property needs before its values are judged at all. */
  readonly minValues: number;
}

export const DEFAULT_PII_OPTIONS: PiiOptions = Object.freeze({
  threshold: 0.8,
  maxValues: 1000,
  maxValueLength: 256,
  minValues: 1,
});

/** Fills in defaults and checks bounds once, so detection code reads plain, valid numbers. */
export function resolvePiiOptions(options: Partial<PiiOptions> = {}): PiiOptions {
  const resolved = { ...DEFAULT_PII_OPTIONS, ...definedOnly(options) };
  check('threshold', resolved.threshold, (v) => v > 0 && v <= 1, 'a number above 0 and at most 1');
  check(
    'maxValues',
    resolved.maxValues,
    (v) => Number.isInteger(v) && v >= 1 && v <= 1_000_000,
    'an integer from 1 to 1000000',
  );
  check(
    'maxValueLength',
    resolved.maxValueLength,
    (v) => Number.isInteger(v) && v >= 1 && v <= 65_536,
    'an integer from 1 to 65536',
  );
  check('minValues', resolved.minValues, (v) => Number.isInteger(v) && v >= 1, 'an integer of at least 1');
  return Object.freeze(resolved);
}

function definedOnly(options: Partial<PiiOptions>): Partial<PiiOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

function check(name: string, value: unknown, ok: (v: number) => boolean, expected: string): void {
  if (typeof value !== 'number' || Number.isNaN(value) || !ok(value)) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `PII detection option ${name} must be ${expected}; got ${String(value)}`,
      {
        details: { option: name },
      },
    );
  }
}
