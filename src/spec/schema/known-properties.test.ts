import { describe, expect, it } from 'vitest';
import { conditionProperties, knownProperties, resolveLocalRef } from './known-properties.js';

/** Schemas as JSON text: `then` as an object key would trip the thenable lint. */
function schema(json: string): Record<string, unknown> {
  return JSON.parse(json) as Record<string, unknown>;
}

describe('knownProperties', () => {
  const loop = { $ref: '#/$defs/Loop', properties: { self: {} } };
  const root = {
    $defs: {
      Element: { properties: { name: {}, tags: {} } },
      Base: schema(`{
        "properties": { "logicalType": {} },
        "allOf": [
          { "$ref": "#/$defs/Element" },
          { "if": { "properties": { "x": {} } }, "then": { "properties": { "options": {} } } }
        ]
      }`),
      Loop: loop,
    },
  };

  it('follows $ref, allOf and if/then to every declared name', () => {
    const node = { $ref: '#/$defs/Base', properties: { required: {} } };
    expect(knownProperties(node, root)).toEqual(['logicalType', 'name', 'options', 'required', 'tags', 'x']);
  });

  it('stops at reference cycles', () => {
    expect(knownProperties(loop, root)).toEqual(['self']);
  });

  it('knows nothing about a non-schema', () => {
    expect(knownProperties(undefined, root)).toEqual([]);
  });
});

describe('conditionProperties', () => {
  it('names the fields that the if conditions test', () => {
    const root = {
      $defs: {
        Server: schema(`{
          "properties": { "type": {} },
          "allOf": [
            { "if": { "properties": { "type": { "const": "a" } }, "required": ["type"] }, "then": { "properties": { "x": {} } } },
            { "if": { "anyOf": [{ "required": ["metric"] }] }, "then": { "properties": { "y": {} } } }
          ]
        }`),
      },
    };
    expect(conditionProperties({ $ref: '#/$defs/Server' }, root)).toEqual(['metric', 'type']);
    expect(conditionProperties({ properties: { a: {} } }, root)).toEqual([]);
  });
});

describe('resolveLocalRef', () => {
  it('resolves JSON pointers inside the root and nothing else', () => {
    const root = { $defs: { 'a/b': { type: 'string' } } };
    expect(resolveLocalRef('#/$defs/a~1b', root)).toEqual({ type: 'string' });
    expect(resolveLocalRef('#', root)).toBe(root);
    expect(resolveLocalRef('https://example.com/s.json', root)).toBeUndefined();
  });
});
