import { breaks, type CompareContext, type Found, found, rebase, type Sides } from './compare-context.js';
import { hasDefault } from './compare-required.js';
import { type Cover, coverOf } from './content-model.js';
import { deepEqual, entriesOf, isObj, type Obj, pointerSegment, stringsOf } from './json-values.js';
import { mergeWriterSchemas } from './merge-writer-schemas.js';
import { matchesPattern } from './pattern-regex.js';
import { resolveOrAny } from './resolve-schema.js';
import { acceptsEverything } from './schema-keywords.js';

/**
 * Property by property. A name on both sides compares the two schemas (and any reader
 * `patternProperties` that also apply to it). A name only the reader has is judged by what the
 * writer may have written under it (its content model); a name only the writer has, by how the
 * reader treats names it does not list.
 */
export function compareProperties(ctx: CompareContext, reader: Obj, writer: Obj, sides: Sides): Found[] {
  const out: Found[] = [];
  const readerProps = isObj(reader.properties) ? reader.properties : {};
  const writerProps = isObj(writer.properties) ? writer.properties : {};
  const patterns = isObj(reader.patternProperties);
  for (const [name, schema] of Object.entries(readerProps)) {
    const diffs = Object.hasOwn(writerProps, name)
      ? ctx.compare(schema, writerProps[name], sides)
      : added(ctx, reader, writer, name, schema, sides);
    if (diffs.length > 0) out.push(...rebase(`/properties/${pointerSegment(name)}`, diffs));
    if (patterns && Object.hasOwn(writerProps, name))
      out.push(...readerPatternsOnNamed(ctx, reader, writer, name, writerProps[name], sides));
  }
  for (const [name, schema] of Object.entries(writerProps)) {
    if (!Object.hasOwn(readerProps, name))
      out.push(
        ...rebase(`/properties/${pointerSegment(name)}`, removed(ctx, coverOf(reader, name), schema, sides)),
      );
  }
  return out;
}

/** A property the reader names and the writer does not. */
function added(
  ctx: CompareContext,
  reader: Obj,
  writer: Obj,
  name: string,
  schema: unknown,
  sides: Sides,
): Found[] {
  const required = stringsOf(reader.required).includes(name);
  const withDefault = required && hasDefault(ctx, schema, sides.reader);
  const cover = coverOf(writer, name);
  if (cover.kind === 'open') {
    if (required && !withDefault)
      return [
        found(
          'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
          '',
          `The reader requires the new property "${name}", which the writer never promised to write.`,
        ),
      ];
    if (withDefault)
      return [
        found(
          'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL',
          '',
          `The reader adds "${name}" with a default; the writer's open content model may have written it with any value.`,
        ),
      ];
    return acceptsEverything(resolveOrAny(ctx, schema, sides.reader))
      ? [
          found(
            'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
            '',
            `The reader adds "${name}" accepting any value.`,
          ),
        ]
      : [
          found(
            'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
            '',
            `The reader adds "${name}"; the writer's open content model may have written it with any value.`,
          ),
        ];
  }
  const out: Found[] = [];
  if (cover.kind === 'partial') {
    const writes = mergeWriterSchemas(
      ctx,
      cover.schemas.map((c) => c.schema),
      sides.writer,
    );
    const diffs = ctx.compare(schema, writes, sides);
    if (!breaks(ctx, diffs))
      out.push(
        ...diffs,
        found(
          'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
          '',
          `The reader adds "${name}" and reads what the writer's ${describeCover(cover)} allowed under that name.`,
        ),
      );
    else {
      // Under the lenient rule set the writer never writes a name it does not list: no detail needed.
      if (ctx.ruleSet === 'strict') out.push(...diffs);
      out.push(
        found(
          'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
          '',
          `The reader adds "${name}" but does not read what the writer's ${describeCover(cover)} allowed under that name.`,
        ),
      );
    }
  }
  if (!required)
    out.push(
      found(
        'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
        '',
        `The reader adds the optional property "${name}".`,
      ),
    );
  else if (withDefault)
    out.push(
      found(
        'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL',
        '',
        `The reader requires the new property "${name}" but gives it a default.`,
      ),
    );
  else
    out.push(
      found(
        'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
        '',
        `The reader requires the new property "${name}", which the writer never writes.`,
      ),
    );
  return out;
}

/** A property the writer names and the reader does not. */
function removed(ctx: CompareContext, cover: Cover, schema: unknown, sides: Sides): Found[] {
  if (cover.kind === 'open')
    return [
      found(
        'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL',
        '',
        "The reader drops this property; its open content model still accepts the writer's values.",
      ),
    ];
  if (cover.kind === 'closed')
    return resolveOrAny(ctx, schema, sides.writer) === false
      ? [
          found(
            'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL',
            '',
            'The reader drops a property the writer never wrote.',
          ),
        ]
      : [
          found(
            'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
            '',
            'The reader drops this property and its closed content model rejects it when the writer writes it.',
          ),
        ];
  const diffs = cover.schemas.flatMap((c) => ctx.compare(c.schema, schema, sides));
  return breaks(ctx, diffs)
    ? [
        ...diffs,
        found(
          'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
          '',
          `The reader drops this property and its ${describeCover(cover)} rejects the writer's values.`,
        ),
      ]
    : [
        ...diffs,
        found(
          'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
          '',
          `The reader drops this property; its ${describeCover(cover)} reads the writer's values.`,
        ),
      ];
}

function describeCover(cover: Cover): string {
  if (cover.kind !== 'partial') return `${cover.kind} content model`;
  return cover.schemas.map((c) => c.path.slice(1)).join(' and ');
}

/** A reader pattern that matches a named property applies to it too, unless the writer has the same one. */
function readerPatternsOnNamed(
  ctx: CompareContext,
  reader: Obj,
  writer: Obj,
  name: string,
  writes: unknown,
  sides: Sides,
): Found[] {
  const writerPatterns = isObj(writer.patternProperties) ? writer.patternProperties : {};
  return entriesOf(reader.patternProperties)
    .filter(
      ([pattern, schema]) =>
        matchesPattern(pattern, name) === true &&
        !(Object.hasOwn(writerPatterns, pattern) && deepEqual(writerPatterns[pattern], schema)),
    )
    .flatMap(([pattern, schema]) =>
      rebase(`/patternProperties/${pointerSegment(pattern)}`, ctx.compare(schema, writes, sides)),
    );
}
