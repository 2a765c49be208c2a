import { type Found, found } from './compare-context.js';
import type { JsonType } from './json-types.js';
import type { Obj } from './json-values.js';
import { lowerBound, type NumericBound, upperBound } from './numeric-bounds.js';
import { positive } from './schema-keywords.js';

type Side = 'lower' | 'upper';

const TYPES = {
  minimum: ['MINIMUM_ADDED', 'MINIMUM_REMOVED', 'MINIMUM_INCREASED', 'MINIMUM_DECREASED'],
  exclusiveMinimum: [
    'EXCLUSIVE_MINIMUM_ADDED',
    'EXCLUSIVE_MINIMUM_REMOVED',
    'EXCLUSIVE_MINIMUM_INCREASED',
    'EXCLUSIVE_MINIMUM_DECREASED',
  ],
  maximum: ['MAXIMUM_ADDED', 'MAXIMUM_REMOVED', 'MAXIMUM_INCREASED', 'MAXIMUM_DECREASED'],
  exclusiveMaximum: [
    'EXCLUSIVE_MAXIMUM_ADDED',
    'EXCLUSIVE_MAXIMUM_REMOVED',
    'EXCLUSIVE_MAXIMUM_INCREASED',
    'EXCLUSIVE_MAXIMUM_DECREASED',
  ],
} as const;

/**
 * The range (draft-4 boolean and later numeric exclusive bounds alike) and `multipleOf`, for
 * writers that may write numbers. When the writer writes only integers, exclusive bounds are
 * compared as the inclusive integer bounds they mean (`exclusiveMinimum: 0` is `minimum: 1`).
 */
export function compareNumber(
  reader: Obj,
  writer: Obj,
  writerTypes: ReadonlySet<JsonType> | undefined,
): Found[] {
  const integers = writerTypes?.has('integer') === true && !writerTypes.has('number');
  return [
    ...compareRange('lower', lowerBound(reader), lowerBound(writer), integers),
    ...compareRange('upper', upperBound(reader), upperBound(writer), integers),
    ...compareMultipleOf(reader, writer, integers),
  ];
}

/** Position of a bound on the number line; `+/- 0.5` places an exclusive bound between values. */
function position(bound: NumericBound, side: Side, integers: boolean): number {
  if (integers) {
    if (side === 'lower') return bound.exclusive ? Math.floor(bound.value) + 1 : Math.ceil(bound.value);
    return bound.exclusive ? Math.ceil(bound.value) - 1 : Math.floor(bound.value);
  }
  return bound.value;
}

function compareRange(
  side: Side,
  reader: NumericBound | undefined,
  writer: NumericBound | undefined,
  integers: boolean,
): Found[] {
  if (reader === undefined && writer === undefined) return [];
  if (reader === undefined) {
    const [, removed] = TYPES[(writer as NumericBound).keyword];
    return [
      found(
        removed,
        `/${writer?.at}`,
        `The reader drops the writer's ${writer?.keyword} of ${writer?.value}.`,
      ),
    ];
  }
  const [added, , increased, decreased] = TYPES[reader.keyword];
  const path = `/${reader.at}`;
  if (writer === undefined)
    return [
      found(added, path, `The reader requires ${describe(side, reader)}; the writer sets no such bound.`),
    ];
  const r = position(reader, side, integers);
  const w = position(writer, side, integers);
  // Between equal values, an exclusive bound is the tighter one (unless only integers are written).
  const rx = !integers && reader.exclusive;
  const wx = !integers && writer.exclusive;
  const higher = r > w || (r === w && (side === 'lower' ? rx && !wx : !rx && wx));
  const lower = r < w || (r === w && (side === 'lower' ? !rx && wx : rx && !wx));
  if (!higher && !lower) return [];
  const tighter = side === 'lower' ? higher : lower;
  const message = `The reader requires ${describe(side, reader)}, ${tighter ? 'tighter' : 'looser'} than the writer's ${describe(side, writer)}.`;
  return [found(higher ? increased : decreased, path, message)];
}

function describe(side: Side, bound: NumericBound): string {
  const op = side === 'lower' ? (bound.exclusive ? '>' : '>=') : bound.exclusive ? '<' : '<=';
  return `${op} ${bound.value}`;
}

function divides(step: number, value: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9 * Math.max(1, Math.abs(ratio));
}

/** The reader's multipleOf must divide the writer's (an integer writer's is 1). */
function compareMultipleOf(reader: Obj, writer: Obj, integers: boolean): Found[] {
  const r = positive(reader.multipleOf);
  const explicit = positive(writer.multipleOf);
  const w = explicit ?? (integers ? 1 : undefined);
  const path = '/multipleOf';
  if (r === undefined)
    return explicit === undefined
      ? []
      : [found('MULTIPLE_OF_REMOVED', path, `The reader drops the writer's multipleOf ${explicit}.`)];
  if (w === undefined)
    return [found('MULTIPLE_OF_ADDED', path, `The reader requires multiples of ${r}; the writer does not.`)];
  if (divides(r, w)) {
    if (r === w || explicit === undefined) return [];
    return [
      found(
        'MULTIPLE_OF_REDUCED',
        path,
        `The reader requires multiples of ${r}, which every multiple of ${w} is.`,
      ),
    ];
  }
  if (explicit === undefined)
    return [
      found(
        'MULTIPLE_OF_ADDED',
        path,
        `The reader requires multiples of ${r}; the writer writes any integer.`,
      ),
    ];
  const type = divides(w, r) ? 'MULTIPLE_OF_EXPANDED' : 'MULTIPLE_OF_CHANGED';
  return [
    found(type, path, `The reader requires multiples of ${r}, but the writer writes multiples of ${w}.`),
  ];
}
