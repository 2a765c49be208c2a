import type { JsonPath } from '../diagnostic.js';
import type {
  DataContract,
  LogicalType,
  LogicalTypeOptions,
  Property,
  Role,
  SchemaObject,
  Server,
  SlaProperty,
} from './data-contract.js';
import { authoritativeDefinitions, customProperties, description, team } from './normalize-common.js';
import { qualityRules } from './normalize-quality.js';
import { arr, bool, compact, isObj, num, obj, str, strings } from './read-value.js';

const LOGICAL_TYPES: ReadonlySet<string> = new Set([
  'string',
  'date',
  'timestamp',
  'time',
  'number',
  'integer',
  'object',
  'array',
  'boolean',
]);

const OPTION_KEYS = [
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'timezone',
  'defaultTimezone',
] as const;

function logicalType(value: unknown): LogicalType | undefined {
  return typeof value === 'string' && LOGICAL_TYPES.has(value) ? (value as LogicalType) : undefined;
}

function logicalTypeOptions(value: unknown): LogicalTypeOptions {
  const o = obj(value);
  const out: Record<string, unknown> = {};
  for (const key of OPTION_KEYS) {
    const v = o[key];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
  }
  return out as LogicalTypeOptions;
}

function property(value: unknown, path: JsonPath): Property {
  const o = obj(value);
  const name = str(o.name) ?? '';
  const position = num(o.primaryKeyPosition);
  return compact({
    name,
    physicalName: str(o.physicalName) ?? name,
    logicalType: logicalType(o.logicalType),
    physicalType: str(o.physicalType),
    logicalTypeOptions: logicalTypeOptions(o.logicalTypeOptions),
    description: str(o.description),
    businessName: str(o.businessName),
    required: bool(o.required),
    unique: bool(o.unique),
    primaryKey: bool(o.primaryKey),
    primaryKeyPosition: position !== undefined && position >= 1 ? position : undefined,
    partitioned: bool(o.partitioned),
    classification: str(o.classification),
    criticalDataElement: bool(o.criticalDataElement),
    tags: strings(o.tags),
    examples: arr(o.examples),
    authoritativeDefinitions: authoritativeDefinitions(o.authoritativeDefinitions),
    customProperties: customProperties(o.customProperties),
    properties: arr(o.properties).map((p, i) => property(p, [...path, 'properties', i])),
    items: isObj(o.items) ? property({ name: `${name}[]`, ...o.items }, [...path, 'items']) : undefined,
    quality: qualityRules(o.quality, [...path, 'quality'], name),
    path,
  });
}

function schemaObject(value: unknown, index: number): SchemaObject {
  const o = obj(value);
  const path: JsonPath = ['schema', index];
  const name = str(o.name) ?? '';
  return compact({
    name,
    physicalName: str(o.physicalName) ?? name,
    physicalType: str(o.physicalType),
    businessName: str(o.businessName),
    description: str(o.description),
    dataGranularityDescription: str(o.dataGranularityDescription),
    tags: strings(o.tags),
    properties: arr(o.properties).map((p, i) => property(p, [...path, 'properties', i])),
    quality: qualityRules(o.quality, [...path, 'quality'], undefined),
    customProperties: customProperties(o.customProperties),
    authoritativeDefinitions: authoritativeDefinitions(o.authoritativeDefinitions),
    path,
  });
}

const SERVER_FIELDS = new Set([
  'server',
  'type',
  'description',
  'environment',
  'customProperties',
  'roles',
  'id',
]);

function server(value: unknown, index: number): Server {
  const o = obj(value);
  const settings: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(o)) if (!SERVER_FIELDS.has(key)) settings[key] = v;
  return compact({
    server: str(o.server) ?? `server_${index + 1}`,
    type: str(o.type) ?? 'custom',
    description: str(o.description),
    environment: str(o.environment),
    settings,
    customProperties: customProperties(o.customProperties),
    path: ['servers', index],
  });
}

function slaProperty(value: unknown, index: number): SlaProperty {
  const o = obj(value);
  return compact({
    property: str(o.property) ?? '',
    value: o.value ?? o.valueExt,
    unit: str(o.unit),
    element: str(o.element),
    driver: str(o.driver),
    path: ['slaProperties', index],
  });
}

function role(value: unknown): Role | undefined {
  const o = obj(value);
  const name = str(o.role);
  if (name === undefined) return undefined;
  return compact({
    role: name,
    access: str(o.access),
    description: str(o.description),
    firstLevelApprovers: str(o.firstLevelApprovers),
    secondLevelApprovers: str(o.secondLevelApprovers),
  });
}

/**
 * Reads an ODCS document (v3.0.x or v3.1.0) into the normalized DataContract. Total: it never
 * throws, and fields of the wrong type read as absent, so it also serves leniently accepted input.
 */
export function normalizeContract(value: unknown): DataContract {
  const o = obj(value);
  return compact({
    kind: 'DataContract' as const,
    apiVersion: str(o.apiVersion) ?? '',
    id: str(o.id) ?? '',
    name: str(o.name),
    version: str(o.version) ?? '',
    status: str(o.status) ?? '',
    domain: str(o.domain),
    dataProduct: str(o.dataProduct),
    tenant: str(o.tenant),
    description: description(o.description),
    tags: strings(o.tags),
    schema: arr(o.schema).map(schemaObject),
    servers: arr(o.servers).map(server),
    team: team(o.team),
    roles: arr(o.roles).flatMap((r) => role(r) ?? []),
    slaProperties: arr(o.slaProperties).map(slaProperty),
    customProperties: customProperties(o.customProperties),
    authoritativeDefinitions: authoritativeDefinitions(o.authoritativeDefinitions),
  });
}
