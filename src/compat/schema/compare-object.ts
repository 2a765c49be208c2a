import { compareAdditionalProperties, comparePatternProperties } from './compare-additional-properties.js';
import { boundTypes, compareBound } from './compare-bounds.js';
import { type CompareContext, type Found, rebase, type Sides } from './compare-context.js';
import { compareDependencies } from './compare-dependencies.js';
import { compareProperties } from './compare-properties.js';
import { compareRequired } from './compare-required.js';
import type { Obj } from './json-values.js';
import { count } from './schema-keywords.js';

const NAMES: Obj = Object.freeze({ type: 'string' });

/** The object keywords, for writers that may write objects. */
export function compareObject(ctx: CompareContext, reader: Obj, writer: Obj, sides: Sides): Found[] {
  const zeroIsNone = (v: unknown) => (count(v) === 0 ? undefined : count(v));
  return [
    ...compareRequired(ctx, reader, writer, sides),
    ...compareProperties(ctx, reader, writer, sides),
    ...compareDependencies(ctx, reader, writer, sides),
    ...compareAdditionalProperties(ctx, reader, writer, sides),
    ...comparePatternProperties(ctx, reader, writer, sides),
    ...compareBound(
      'max',
      'maxProperties',
      count(reader.maxProperties),
      count(writer.maxProperties),
      boundTypes('MAX_PROPERTIES'),
      'properties',
    ),
    ...compareBound(
      'min',
      'minProperties',
      zeroIsNone(reader.minProperties),
      zeroIsNone(writer.minProperties),
      boundTypes('MIN_PROPERTIES'),
      'properties',
    ),
    // Property names are strings: a writer without propertyNames may use any string.
    ...(reader.propertyNames === undefined
      ? []
      : rebase('/propertyNames', ctx.compare(reader.propertyNames, writer.propertyNames ?? NAMES, sides))),
  ];
}
