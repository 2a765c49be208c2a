import type { LogicalTypeOptions, Property } from '../../spec/model/data-contract.js';
import type { Emit } from './change-recorder.js';

type OptionKey = keyof LogicalTypeOptions;
type OptionValue = string | number | boolean;

/**
 * How each logicalTypeOptions key constrains values: a lower bound (raising it tightens), an
 * upper bound (lowering it tightens), a flag (setting it tightens), a multiple, a text rule
 * (pattern, format: no order, so only adding and removing have a direction) or a representation
 * (time zones: any change alters the values themselves).
 */
const KINDS: Readonly<
  Record<OptionKey, 'lower' | 'upper' | 'flag' | 'multiple' | 'text' | 'representation'>
> = {
  minLength: 'lower',
  minimum: 'lower',
  exclusiveMinimum: 'lower',
  minItems: 'lower',
  minProperties: 'lower',
  maxLength: 'upper',
  maximum: 'upper',
  exclusiveMaximum: 'upper',
  maxItems: 'upper',
  maxProperties: 'upper',
  uniqueItems: 'flag',
  multipleOf: 'multiple',
  pattern: 'text',
  format: 'text',
  timezone: 'representation',
  defaultTimezone: 'representation',
};

/** The values a bound keeps out, as the message names them. */
const OUTSIDE: Partial<Record<OptionKey, string>> = {
  minLength: 'shorter values',
  minimum: 'smaller values',
  exclusiveMinimum: 'smaller values',
  minItems: 'shorter arrays',
  minProperties: 'objects with fewer fields',
  maxLength: 'longer values',
  maximum: 'larger values',
  exclusiveMaximum: 'larger values',
  maxItems: 'longer arrays',
  maxProperties: 'objects with more fields',
  uniqueItems: 'arrays with repeated elements',
  multipleOf: 'values off the multiple',
  pattern: 'values that do not match',
  format: 'values in other formats',
};

type Direction = 'tightened' | 'loosened' | 'changed' | 'same';

const show = (value: OptionValue): string => (typeof value === 'string' ? `'${value}'` : String(value));

/** True when `a` is a whole multiple of `b` (with a tolerance for decimal fractions). */
function isMultiple(a: number, b: number): boolean {
  if (b === 0) return false;
  const ratio = a / b;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

function direction(key: OptionKey, old: OptionValue, next: OptionValue): Direction {
  if (old === next) return 'same';
  const kind = KINDS[key];
  // Draft-4 booleans (exclusiveMinimum: true) are flags on the plain bound.
  if (typeof old === 'boolean' && typeof next === 'boolean' && kind !== 'representation')
    return next ? 'tightened' : 'loosened';
  if (kind === 'lower' || kind === 'upper') {
    const comparable =
      (typeof old === 'number' && typeof next === 'number') ||
      (typeof old === 'string' && typeof next === 'string');
    if (!comparable) return 'changed';
    const raised = next > old;
    return raised === (kind === 'lower') ? 'tightened' : 'loosened';
  }
  if (kind === 'multiple' && typeof old === 'number' && typeof next === 'number') {
    if (isMultiple(next, old)) return 'tightened';
    return isMultiple(old, next) ? 'loosened' : 'changed';
  }
  return 'changed';
}

/** Which way adding a key moves the accepted values; a flag set to false adds nothing. */
function presence(key: OptionKey, value: OptionValue): Direction {
  if (KINDS[key] === 'representation') return 'changed';
  return value === false ? 'same' : 'tightened';
}

const invert = (d: Direction): Direction =>
  d === 'tightened' ? 'loosened' : d === 'loosened' ? 'tightened' : d;

function message(key: OptionKey, path: string, d: Direction, old?: OptionValue, next?: OptionValue): string {
  const outside = OUTSIDE[key] ?? 'other values';
  if (old === undefined && next !== undefined) {
    return d === 'changed'
      ? `${key} ${show(next)} set on ${path}: values change representation`
      : `${key} ${show(next)} added to ${path}: ${outside} written before no longer pass the new contract`;
  }
  if (next === undefined && old !== undefined) {
    return d === 'changed'
      ? `${key} removed from ${path} (was ${show(old)}): values change representation`
      : `${key} ${show(old)} removed from ${path}: consumers may now receive ${outside}`;
  }
  const from = show(old ?? '');
  const to = show(next ?? '');
  const verb =
    typeof old === 'number' && typeof next === 'number' ? (next > old ? 'raised' : 'lowered') : 'changed';
  if (d === 'tightened')
    return `${key} of ${path} ${verb} from ${from} to ${to}: ${outside} written before no longer fit`;
  if (d === 'loosened')
    return `${key} of ${path} ${verb} from ${from} to ${to}: consumers may now receive ${outside}`;
  return `${key} of ${path} changed from ${from} to ${to}: values accepted by one may fail the other`;
}

/**
 * Compares logicalTypeOptions key by key. Every direction is breaking: looser bounds let
 * consumers receive values they never saw; tighter ones make rows already written fail the new
 * contract (they stay in the table).
 */
export function diffConstraints(old: Property, next: Property, path: string, emit: Emit): void {
  const a = old.logicalTypeOptions;
  const b = next.logicalTypeOptions;
  for (const key of Object.keys(KINDS) as OptionKey[]) {
    const from = a[key];
    const to = b[key];
    if (from === to) continue;
    const d =
      from === undefined
        ? presence(key, to as OptionValue)
        : to === undefined
          ? invert(presence(key, from))
          : direction(key, from, to);
    if (d === 'same') continue;
    emit({
      type:
        d === 'tightened'
          ? 'constraint-tightened'
          : d === 'loosened'
            ? 'constraint-loosened'
            : 'constraint-changed',
      path,
      breaking: true,
      message: message(key, path, d, from, to),
      oldAt: from === undefined ? old.path : [...old.path, 'logicalTypeOptions', key],
      newAt: to === undefined ? next.path : [...next.path, 'logicalTypeOptions', key],
    });
  }
}
