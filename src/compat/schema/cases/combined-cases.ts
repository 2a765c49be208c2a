import { breaks, type CompatCase, ok } from './compat-case.js';

const str = { type: 'string' };
const num = { type: 'number' };
const colours = { enum: ['one', 'two', 'three'] };

export const COMBINED_CASES: readonly CompatCase[] = [
  {
    name: 'string widened to oneOf number or string',
    before: str,
    after: { oneOf: [num, str] },
    backward: ok('SUM_TYPE_EXTENDED'),
    forward: breaks('TYPE_CHANGED'),
    confluent: { description: 'Detect change to oneOf schema', compatible: true },
  },
  {
    name: 'bounded string widened to oneOf',
    before: { type: 'string', maxLength: 3 },
    after: { oneOf: [num, str] },
    backward: ok('MAX_LENGTH_REMOVED', 'SUM_TYPE_EXTENDED'),
    forward: breaks('MAX_LENGTH_ADDED', 'TYPE_CHANGED'),
    confluent: { description: 'Detect change to oneOf schema (maxLength)', compatible: true },
  },
  {
    name: 'oneOf branch changed',
    before: { oneOf: [str] },
    after: { oneOf: [num] },
    backward: breaks('COMBINED_TYPE_SUBSCHEMAS_CHANGED', 'TYPE_CHANGED'),
    forward: breaks('COMBINED_TYPE_SUBSCHEMAS_CHANGED', 'TYPE_CHANGED'),
    confluent: { description: 'Detect changes to sub schemas', compatible: false },
  },
  {
    name: 'oneOf branch added',
    before: { oneOf: [str] },
    after: { oneOf: [num, str] },
    backward: ok('SUM_TYPE_EXTENDED'),
    forward: breaks('SUM_TYPE_NARROWED', 'TYPE_CHANGED'),
    confluent: { description: 'Detect changes to number of sub schemas', compatible: true },
  },
  {
    name: 'oneOf changed to anyOf',
    before: { oneOf: [str] },
    after: { anyOf: [str] },
    backward: ok('COMBINED_TYPE_EXTENDED'),
    forward: ok(),
    confluent: { description: 'Detect compatible change from oneOf to anyOf schema', compatible: true },
  },
  {
    name: 'anyOf of two narrowed to oneOf of one',
    before: { anyOf: [num, str] },
    after: { oneOf: [str] },
    backward: breaks('SUM_TYPE_NARROWED', 'TYPE_CHANGED'),
    forward: ok('COMBINED_TYPE_EXTENDED', 'SUM_TYPE_EXTENDED'),
    confluent: {
      description: 'Detect incompatible change from anyOf with more properties to oneOf schema',
      compatible: false,
    },
  },
  {
    name: 'anyOf changed to oneOf',
    before: { anyOf: [str, { type: 'null' }] },
    after: { oneOf: [str, { type: 'null' }] },
    backward: breaks('COMBINED_TYPE_CHANGED'),
    forward: ok('COMBINED_TYPE_EXTENDED'),
  },
  {
    name: 'allOf branches reordered',
    before: { allOf: [colours, str, { maxLength: 5 }] },
    after: { allOf: [{ maxLength: 5 }, colours, str] },
    backward: ok(),
    forward: ok(),
    confluent: { description: 'Detect compatible change to combined schema', compatible: true },
  },
  {
    name: 'allOf branch type changed',
    before: { allOf: [colours, str, { maxLength: 5 }] },
    after: { allOf: [{ maxLength: 5 }, colours, num] },
    backward: breaks('ENUM_VALUE_REJECTED'),
    // The new schema accepts nothing (strings listed, numbers required): nothing to read.
    forward: ok(),
    confluent: { description: 'Detect incompatible change to combined schema', compatible: false },
  },
  {
    name: 'allOf enum branch dropped',
    before: { allOf: [colours, str] },
    after: { allOf: [str] },
    backward: ok('ENUM_ARRAY_REMOVED'),
    forward: breaks('ENUM_ARRAY_ADDED'),
    confluent: { description: 'Detect compatible change to allOf schema', compatible: true },
  },
  {
    name: 'string changed to allOf of number and string',
    before: str,
    after: { allOf: [num, str] },
    backward: breaks('TYPE_CHANGED'),
    forward: ok(),
    confluent: {
      description: 'Detect incompatible change from non-combined to allOf schema',
      compatible: false,
    },
  },
  {
    name: 'string wrapped in allOf',
    before: str,
    after: { allOf: [str] },
    backward: ok(),
    forward: ok(),
    confluent: {
      description: 'Detect compatible change from non-combined to allOf schema',
      compatible: true,
    },
  },
  {
    name: 'oneOf of string and null read by a type list',
    before: { oneOf: [str, { type: 'null' }] },
    after: { type: ['string', 'null'] },
    backward: ok(),
    forward: ok(),
  },
  {
    name: 'oneOf branches joined with the keywords around them',
    before: {
      type: 'object',
      properties: { kind: str, a: { type: 'integer' } },
      oneOf: [{ required: ['a'] }, { required: ['kind'] }],
    },
    after: { type: 'object', properties: { kind: str, a: num } },
    backward: ok('REQUIRED_ATTRIBUTE_REMOVED', 'TYPE_EXTENDED'),
    forward: breaks('COMBINED_TYPE_SUBSCHEMAS_CHANGED', 'REQUIRED_ATTRIBUTE_ADDED', 'TYPE_NARROWED'),
  },
  {
    name: 'not narrowed',
    before: { not: num },
    after: { not: { type: 'integer' } },
    backward: ok('NOT_TYPE_NARROWED'),
    forward: breaks('NOT_TYPE_EXTENDED'),
    confluent: { description: 'Detect compatible change to not schema', compatible: true },
  },
  {
    name: 'not added that excludes written values',
    before: str,
    after: { type: 'string', not: { enum: [''] } },
    backward: breaks('NOT_TYPE_EXTENDED'),
    forward: ok(),
  },
  {
    name: 'not added on another type',
    before: str,
    after: { type: 'string', not: { type: 'null' } },
    backward: ok(),
    forward: ok(),
  },
];
