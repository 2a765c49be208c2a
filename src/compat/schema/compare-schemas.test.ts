import { describe, expect, it } from 'vitest';
import { compareSchemas } from './compare-schemas.js';
import type { Schema } from './schema-difference.js';

const types = (reader: unknown, writer: unknown, ruleSet: 'strict' | 'lenient' = 'strict') =>
  compareSchemas(reader as Schema, writer as Schema, ruleSet).map((d) => `${d.type} ${d.path}`);
const compatible = (reader: unknown, writer: unknown) =>
  compareSchemas(reader as Schema, writer as Schema).every((d) => d.compatible);

/** `levels` objects nested under property `p`, built without recursion. */
function nested(levels: number, leaf: Schema): Schema {
  let schema: Schema = leaf;
  for (let i = 0; i < levels; i++) schema = { type: 'object', properties: { p: schema } };
  return schema;
}

describe('compareSchemas paths and messages', () => {
  it('points at the keyword, through nested properties', () => {
    const before = nested(2, { type: 'string', maxLength: 10 });
    const after = nested(2, { type: 'string', maxLength: 5 });
    const [difference] = compareSchemas(after, before);
    expect(difference).toEqual({
      type: 'MAX_LENGTH_DECREASED',
      path: '#/properties/p/properties/p/maxLength',
      compatible: false,
      message: "The reader requires at most 5 characters, tighter than the writer's 10.",
    });
  });

  it('escapes property names as JSON pointer segments', () => {
    const reader = { properties: { 'a/b~c': { type: 'integer' } } };
    const writer = { properties: { 'a/b~c': { type: 'number' } } };
    expect(types(reader, writer)).toEqual(['TYPE_NARROWED #/properties/a~1b~0c']);
  });

  it('compares properties named like Object.prototype members', () => {
    const schema = (type: string) =>
      JSON.parse(
        `{"properties":{"__proto__":{"type":"${type}"},"constructor":{"type":"${type}"}}}`,
      ) as Schema;
    expect(types(schema('string'), schema('integer'))).toEqual([
      'TYPE_CHANGED #/properties/__proto__',
      'TYPE_CHANGED #/properties/constructor',
    ]);
    expect(types({ properties: { toString: { type: 'string' } } }, { properties: {} })).toEqual([
      'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/toString',
    ]);
  });

  it('uses # for the root and names writer branches', () => {
    expect(types({ type: 'string' }, { type: 'integer' })).toEqual(['TYPE_CHANGED #']);
    expect(types({ type: 'string' }, { oneOf: [{ type: 'string' }, { type: 'null' }] })).toEqual([
      'TYPE_CHANGED #/oneOf/1',
    ]);
  });

  it('names the rejected enum values in the message', () => {
    const [difference] = compareSchemas({ enum: ['a'] }, { enum: ['a', 'b', 'c'] });
    expect(difference?.message).toBe('The reader no longer accepts "b" and "c", which the writer may write.');
  });
});

describe('compareSchemas on hostile input', () => {
  const odd: unknown[] = [
    null,
    5,
    'string',
    [],
    [{ type: 'string' }],
    { type: 5 },
    { type: ['string', 7, null] },
    { properties: 5, required: [1, null, 'a'], items: 'x', allOf: {}, anyOf: [], oneOf: 'y', not: 3 },
    { enum: {}, const: undefined, minimum: 'x', maximum: Number.NaN, multipleOf: 0, pattern: '(' },
    { patternProperties: { '(': { type: 'string' }, '[a-': false }, additionalProperties: 'no' },
    { dependencies: { a: 5, b: [1, 'c'] }, dependentSchemas: [], dependentRequired: { a: 'b' } },
    { prefixItems: {}, items: [5], additionalItems: [], contains: 'x', minContains: -1 },
    // Parsed, so that __proto__ is an own property and `then` does not make a thenable literal.
    JSON.parse(
      '{"properties":{"__proto__":{"type":"string"},"constructor":{"type":"integer"},"toString":false}}',
    ),
    { $ref: 5, $defs: [] },
    JSON.parse('{"if":{"type":"string"},"then":"x","else":null}'),
  ];

  it('never throws, whatever pair of values it is given', () => {
    for (const reader of odd)
      for (const writer of odd)
        for (const ruleSet of ['strict', 'lenient'] as const)
          expect(() => compareSchemas(reader as Schema, writer as Schema, ruleSet)).not.toThrow();
  });

  it('reports unresolvable and looping references instead of following them', () => {
    expect(types({ $ref: '#/definitions/missing' }, { type: 'string' })).toEqual(['REFERENCE_UNRESOLVED #']);
    expect(types({ $ref: '#' }, { type: 'string' })).toEqual(['REFERENCE_UNRESOLVED #']);
    const loop = {
      $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
      properties: { x: { $ref: '#/$defs/a' } },
    };
    expect(types(loop, { properties: { x: { type: 'string' } } })).toEqual([
      'REFERENCE_UNRESOLVED #/properties/x',
    ]);
    expect(types({ type: 'string' }, { $ref: 'other.json' })).toEqual(['REFERENCE_UNRESOLVED #']);
  });

  it('terminates on object graphs that contain themselves', () => {
    const reader: Record<string, unknown> = { type: 'object', properties: {} };
    (reader.properties as Record<string, unknown>).self = reader;
    const writer: Record<string, unknown> = { type: 'object', properties: {}, additionalProperties: false };
    (writer.properties as Record<string, unknown>).self = writer;
    expect(compatible(reader, writer)).toBe(true);
    expect(compatible(writer, reader)).toBe(false);
  });

  it('terminates on mutually recursive definitions', () => {
    const schema = (leaf: string) => ({
      $defs: {
        a: { type: 'object', properties: { b: { $ref: '#/$defs/b' }, leaf: { type: leaf } } },
        b: { type: 'object', properties: { a: { $ref: '#/$defs/a' } } },
      },
      $ref: '#/$defs/a',
    });
    expect(types(schema('number'), schema('integer'))).toEqual(['TYPE_EXTENDED #/properties/leaf']);
    expect(compatible(schema('integer'), schema('number'))).toBe(false);
  });

  it('refuses, rather than guesses, when nesting is too deep to compare', () => {
    const deep = () => nested(5000, { type: 'string' });
    const differences = compareSchemas(deep(), deep());
    expect(differences.map((d) => d.type)).toContain('ANALYSIS_LIMIT_REACHED');
    expect(differences.every((d) => d.compatible)).toBe(false);
    // One schema object compared with itself needs no walk at all.
    const same = deep();
    expect(compareSchemas(same, same)).toEqual([]);
  });

  it('bounds the cross product of nested combinators', () => {
    let reader: Schema = { type: 'string' };
    let writer: Schema = { type: 'string' };
    for (let level = 0; level < 6; level++) {
      reader = { anyOf: Array.from({ length: 8 }, (_, i) => ({ properties: { [`r${i}`]: reader } })) };
      writer = { oneOf: Array.from({ length: 8 }, (_, i) => ({ properties: { [`w${i}`]: writer } })) };
    }
    const started = Date.now();
    expect(() => compareSchemas(reader, writer)).not.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('compareSchemas rule sets', () => {
  it('defaults to strict', () => {
    const reader = { properties: { a: { type: 'string' } } };
    expect(compareSchemas(reader, {})).toEqual(compareSchemas(reader, {}, 'strict'));
    expect(compareSchemas(reader, {})[0]?.compatible).toBe(false);
    expect(compareSchemas(reader, {}, 'lenient')[0]?.compatible).toBe(true);
  });

  it('lenient replaces the detail of unlisted names by one NARROWED difference', () => {
    const reader = { patternProperties: { '^x': { type: 'integer' } } };
    const writer = { patternProperties: { '^x': { type: 'string' } } };
    expect(types(reader, writer)).toEqual(['TYPE_CHANGED #/patternProperties/^x']);
    expect(types(reader, writer, 'lenient')).toEqual(['PATTERN_PROPERTIES_NARROWED #/patternProperties/^x']);
  });

  it('lenient still breaks on values under names the writer lists', () => {
    const reader = { properties: { a: { type: 'integer' } }, additionalProperties: false };
    const writer = { properties: { a: { type: 'string' }, b: { type: 'string' } } };
    expect(types(reader, writer, 'lenient')).toEqual([
      'TYPE_CHANGED #/properties/a',
      'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b',
      'ADDITIONAL_PROPERTIES_REMOVED #/additionalProperties',
    ]);
    expect(
      compareSchemas(reader, writer, 'lenient')
        .filter((d) => !d.compatible)
        .map((d) => d.type),
    ).toEqual(['TYPE_CHANGED', 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL']);
  });
});
