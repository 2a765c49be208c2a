import { breaks, type CompatCase, ok } from './compat-case.js';

const str = { type: 'string' };
const num = { type: 'number' };

export const ARRAY_CASES: readonly CompatCase[] = [
  {
    name: 'items schema added',
    before: { type: 'array' },
    after: { type: 'array', items: str },
    backward: breaks('SCHEMA_ADDED'),
    forward: ok('SCHEMA_REMOVED'),
    confluent: { description: 'Detect changes to all items schema', compatible: false },
  },
  {
    name: 'items type changed',
    before: { type: 'array', items: str },
    after: { type: 'array', items: num },
    backward: breaks('TYPE_CHANGED'),
    forward: breaks('TYPE_CHANGED'),
  },
  {
    name: 'tuple removed',
    before: { type: 'array', items: [str, num] },
    after: { type: 'array' },
    backward: ok('ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL'),
    forward: breaks('ITEM_ADDED_TO_OPEN_CONTENT_MODEL'),
    confluent: { description: 'Detect changes to items schema list', compatible: true },
  },
  {
    name: 'tuple item added that additionalItems covers',
    before: { type: 'array', items: [str, num], additionalItems: str },
    after: { type: 'array', items: [str, num, str], additionalItems: str },
    backward: ok('ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'),
    forward: ok('ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'),
    confluent: { description: 'Detect item added to partially open content model 1', compatible: true },
  },
  {
    name: 'tuple item added that additionalItems does not cover',
    before: { type: 'array', items: [str, num], additionalItems: str },
    after: { type: 'array', items: [str, num, num], additionalItems: str },
    backward: breaks('ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'TYPE_CHANGED'),
    forward: breaks('ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'TYPE_CHANGED'),
    confluent: { description: 'Detect item added to partially open content model 2', compatible: false },
  },
  {
    name: 'closed tuple extended and opened',
    before: { type: 'array', items: [str, num], additionalItems: false },
    after: { type: 'array', items: [str, num, { type: 'boolean' }], additionalItems: true },
    backward: ok('ADDITIONAL_ITEMS_ADDED', 'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL'),
    forward: breaks('ADDITIONAL_ITEMS_REMOVED', 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL'),
    confluent: { description: 'Detect adding to closed content model for array', compatible: true },
  },
  {
    name: '2020-12 prefixItems position moved into items',
    before: { type: 'array', prefixItems: [str, num], items: false },
    after: { type: 'array', prefixItems: [str], items: num },
    backward: ok('ADDITIONAL_ITEMS_ADDED', 'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'),
    forward: breaks('ADDITIONAL_ITEMS_REMOVED', 'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'),
    confluent: {
      description: 'Detect removing number from closed content model for array',
      compatible: true,
    },
  },
  {
    name: 'maxItems decreased',
    before: { type: 'array', maxItems: 2 },
    after: { type: 'array', maxItems: 1 },
    backward: breaks('MAX_ITEMS_DECREASED'),
    forward: ok('MAX_ITEMS_INCREASED'),
    confluent: { description: 'Detect decreased maxItems', compatible: false },
  },
  {
    name: 'minItems increased',
    before: { type: 'array', minItems: 1 },
    after: { type: 'array', minItems: 2 },
    backward: breaks('MIN_ITEMS_INCREASED'),
    forward: ok('MIN_ITEMS_DECREASED'),
    confluent: { description: 'Detect increased minItems', compatible: false },
  },
  {
    name: 'uniqueItems removed',
    before: { type: 'array', uniqueItems: true },
    after: { type: 'array' },
    backward: ok('UNIQUE_ITEMS_REMOVED'),
    forward: breaks('UNIQUE_ITEMS_ADDED'),
    confluent: { description: 'Detect unique items removed', compatible: true },
  },
  {
    name: 'contains added',
    before: { type: 'array' },
    after: { type: 'array', contains: str },
    backward: breaks('CONTAINS_ADDED'),
    forward: ok('CONTAINS_REMOVED'),
  },
  {
    name: 'minContains lowered',
    before: { type: 'array', contains: str, minContains: 2 },
    after: { type: 'array', contains: str },
    backward: ok('MIN_CONTAINS_DECREASED'),
    forward: breaks('MIN_CONTAINS_INCREASED'),
  },
];
