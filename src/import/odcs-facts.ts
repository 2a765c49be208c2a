/**
 * What ODCS v3.1.0 allows, read from its official JSON Schema rather than restated by hand: the
 * fields of each server type and the `logicalTypeOptions` of each logical type. The converters
 * keep only what these facts allow, so their output validates against the same schema that
 * `meshplane validate` uses. Pure.
 */

import { isObj, type Obj } from '../spec/model/read-value.js';
import odcs from '../spec/schema/standards/odcs/odcs-json-schema-v3.1.0.json' with { type: 'json' };

/** A field of an ODCS object: its JSON type and the constraints a converter must honour. */
export interface FieldFact {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
}

/** The fields a server of one type may have, and those it must have. */
export interface ServerFacts {
  readonly fields: ReadonlyMap<string, FieldFact>;
  readonly required: readonly string[];
}

const defs = (odcs as unknown as { $defs: Record<string, Obj> }).$defs;

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isObj(current) ? current[key] : undefined;
  return current;
}

function fieldFacts(properties: unknown): Map<string, FieldFact> {
  const out = new Map<string, FieldFact>();
  if (!isObj(properties)) return out;
  for (const [name, schema] of Object.entries(properties)) {
    if (!isObj(schema)) continue;
    const fact: { -readonly [K in keyof FieldFact]: FieldFact[K] } = {};
    if (typeof schema.type === 'string') fact.type = schema.type;
    if (typeof schema.format === 'string') fact.format = schema.format;
    if (Array.isArray(schema.enum)) fact.enum = schema.enum;
    if (typeof schema.minimum === 'number') fact.minimum = schema.minimum;
    if (typeof schema.exclusiveMinimum === 'number') fact.exclusiveMinimum = schema.exclusiveMinimum;
    out.set(name, fact);
  }
  return out;
}

/** The `const` values an `if` clause of the schema tests `key` against. */
function ifConsts(clause: unknown, key: string): string[] {
  const direct = at(clause, 'properties', key, 'const');
  if (typeof direct === 'string') return [direct];
  const anyOf = at(clause, 'anyOf');
  return Array.isArray(anyOf) ? anyOf.flatMap((c) => ifConsts(c, key)) : [];
}

function readServerFacts(): Map<string, ServerFacts> {
  const server = defs.Server ?? {};
  const common = fieldFacts(server.properties);
  const out = new Map<string, ServerFacts>();
  for (const branch of Array.isArray(server.allOf) ? server.allOf : []) {
    const ref = at(branch, 'then', '$ref');
    if (typeof ref !== 'string') continue;
    const source = at(defs, ...ref.replace('#/$defs/', '').split('/'));
    const fields = new Map([...common, ...fieldFacts(at(source, 'properties'))]);
    const required = at(source, 'required');
    for (const type of ifConsts(at(branch, 'if'), 'type')) {
      out.set(type, { fields, required: Array.isArray(required) ? (required as string[]) : [] });
    }
  }
  return out;
}

function readOptionFacts(): Map<string, ReadonlyMap<string, FieldFact>> {
  const out = new Map<string, ReadonlyMap<string, FieldFact>>();
  const branches = at(defs, 'SchemaBaseProperty', 'allOf');
  for (const branch of Array.isArray(branches) ? branches : []) {
    const options = at(branch, 'then', 'properties', 'logicalTypeOptions', 'properties');
    if (options === undefined) continue;
    for (const type of ifConsts(at(branch, 'if'), 'logicalType')) out.set(type, fieldFacts(options));
  }
  return out;
}

const SERVER_FACTS = readServerFacts();
const OPTION_FACTS = readOptionFacts();

/** The server types ODCS v3.1.0 knows (`postgres`, `s3`, `custom`, ...). */
export const ODCS_SERVER_TYPES: readonly string[] = Object.freeze([
  ...((at(defs, 'Server', 'properties', 'type', 'enum') as string[] | undefined) ?? []),
]);

/** The fields and required fields of a server of `type`; undefined for a type ODCS does not know. */
export function serverFacts(type: string): ServerFacts | undefined {
  return SERVER_FACTS.get(type);
}

/** The `logicalTypeOptions` keys ODCS allows for `logicalType` (empty for an unknown type). */
export function logicalTypeOptionFacts(logicalType: string): ReadonlyMap<string, FieldFact> {
  return OPTION_FACTS.get(logicalType) ?? new Map();
}

/** The metrics of an ODCS `library` quality rule. */
export const ODCS_QUALITY_METRICS: readonly string[] = Object.freeze([
  ...((at(defs, 'DataQualityLibrary', 'properties', 'metric', 'enum') as string[] | undefined) ?? []),
]);

/** The quality dimensions ODCS names. */
export const ODCS_QUALITY_DIMENSIONS: readonly string[] = Object.freeze([
  ...((at(defs, 'DataQuality', 'properties', 'dimension', 'enum') as string[] | undefined) ?? []),
]);
