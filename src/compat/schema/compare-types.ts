import { type Found, found } from './compare-context.js';
import { allowsType, describeTypes, type JsonType, typeSet } from './json-types.js';
import type { Obj } from './json-values.js';
import { acceptsEverything } from './schema-keywords.js';

/**
 * `type` as sets. The reader must allow every type the writer may write; `integer` is covered by
 * `number`. A reader that allows more is TYPE_EXTENDED (adding `null` to a reader widens it).
 */
export function compareTypes(reader: Obj, writer: Obj): Found[] {
  const readerTypes = typeSet(reader);
  if (readerTypes === undefined) return [];
  const writerTypes = typeSet(writer);
  if (writerTypes === undefined) {
    return acceptsEverything(writer)
      ? [
          found(
            'SCHEMA_ADDED',
            '',
            `The reader accepts only ${describeTypes(readerTypes)}; the writer allows any value.`,
          ),
        ]
      : [
          found(
            'TYPE_NARROWED',
            '',
            `The reader accepts only ${describeTypes(readerTypes)}; the writer may write any type.`,
          ),
        ];
  }
  const missing = [...writerTypes].filter((t) => !allowsType(readerTypes, t));
  if (missing.length === 0) {
    const extra = [...readerTypes].filter(
      (t) => !allowsType(writerTypes, t) && !(t === 'integer' && writerTypes.has('number')),
    );
    return extra.length === 0
      ? []
      : [found('TYPE_EXTENDED', '', `The reader also accepts ${describeTypes(extra)}.`)];
  }
  const partly = (t: JsonType) => t === 'number' && readerTypes.has('integer');
  const changed = [...writerTypes]
    .filter((t) => t !== 'null')
    .every((t) => missing.includes(t) && !partly(t));
  return [
    changed
      ? found(
          'TYPE_CHANGED',
          '',
          `The reader accepts ${describeTypes(readerTypes)} but the writer writes ${describeTypes(writerTypes)}.`,
        )
      : found(
          'TYPE_NARROWED',
          '',
          `The reader no longer accepts ${describeTypes(missing)}, which the writer may write.`,
        ),
  ];
}
