import { boundTypes, compareBound } from './compare-bounds.js';
import { type Found, found } from './compare-context.js';
import type { Obj } from './json-values.js';
import { count } from './schema-keywords.js';

/** minLength, maxLength, pattern and format, for writers that may write strings. */
export function compareString(reader: Obj, writer: Obj): Found[] {
  const zeroIsNone = (v: unknown) => (count(v) === 0 ? undefined : count(v));
  return [
    ...compareBound(
      'min',
      'minLength',
      zeroIsNone(reader.minLength),
      zeroIsNone(writer.minLength),
      boundTypes('MIN_LENGTH'),
      'characters',
    ),
    ...compareBound(
      'max',
      'maxLength',
      count(reader.maxLength),
      count(writer.maxLength),
      boundTypes('MAX_LENGTH'),
      'characters',
    ),
    ...comparePattern(reader, writer),
    ...compareFormat(reader, writer),
  ];
}

function comparePattern(reader: Obj, writer: Obj): Found[] {
  const r = typeof reader.pattern === 'string' ? reader.pattern : undefined;
  const w = typeof writer.pattern === 'string' ? writer.pattern : undefined;
  if (r === w) return [];
  if (r === undefined)
    return [found('PATTERN_REMOVED', '/pattern', `The reader drops the writer's pattern ${w}.`)];
  if (w === undefined)
    return [
      found('PATTERN_ADDED', '/pattern', `The reader requires the pattern ${r}, which the writer does not.`),
    ];
  return [
    found(
      'PATTERN_CHANGED',
      '/pattern',
      `The reader requires the pattern ${r} instead of the writer's ${w}.`,
    ),
  ];
}

/** A `format` the reader adds or changes may reject strings the writer wrote; dropping one is fine. */
export function compareFormat(reader: Obj, writer: Obj): Found[] {
  const r = typeof reader.format === 'string' ? reader.format : undefined;
  const w = typeof writer.format === 'string' ? writer.format : undefined;
  if (r === w) return [];
  if (r === undefined)
    return [found('FORMAT_REMOVED', '/format', `The reader drops the writer's format ${w}.`)];
  if (w === undefined)
    return [
      found('FORMAT_ADDED', '/format', `The reader requires the format ${r}, which the writer does not.`),
    ];
  return [
    found('FORMAT_CHANGED', '/format', `The reader requires the format ${r} instead of the writer's ${w}.`),
  ];
}
