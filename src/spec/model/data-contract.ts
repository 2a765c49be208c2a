/**
 * The normalized ODCS data contract that the rest of Meshplane reads. It is the same for every
 * supported apiVersion (v3.0.x and v3.1.0): differences between versions are resolved by
 * normalize-contract.ts, so consumers never branch on the version.
 */
import type { JsonPath } from '../diagnostic.js';

export type LogicalType =
  | 'string'
  | 'date'
  | 'timestamp'
  | 'time'
  | 'number'
  | 'integer'
  | 'object'
  | 'array'
  | 'boolean';

export interface CustomProperty {
  readonly property: string;
  readonly value: unknown;
}

export interface AuthoritativeDefinition {
  readonly type: string;
  readonly url: string;
  readonly description?: string;
}

/** Options that refine a logical type (ODCS `logicalTypeOptions`). Only the known keys are kept. */
export interface LogicalTypeOptions {
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number | string;
  readonly maximum?: number | string;
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly multipleOf?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly timezone?: boolean;
  readonly defaultTimezone?: string;
}

export type QualityOperator =
  | 'mustBe'
  | 'mustNotBe'
  | 'mustBeGreaterThan'
  | 'mustBeGreaterOrEqualTo'
  | 'mustBeLessThan'
  | 'mustBeLessOrEqualTo'
  | 'mustBeBetween'
  | 'mustNotBeBetween';

export type QualityMetric = 'nullValues' | 'missingValues' | 'invalidValues' | 'duplicateValues' | 'rowCount';

export interface QualityRule {
  /** `library` when a metric is named (the ODCS default), else as declared. */
  readonly type: 'library' | 'sql' | 'custom' | 'text';
  readonly name?: string;
  readonly description?: string;
  readonly metric?: QualityMetric;
  readonly arguments?: Readonly<Record<string, unknown>>;
  readonly operator?: QualityOperator;
  /** The operand: a number, or [low, high] for the between operators. */
  readonly threshold?: number | readonly [number, number];
  readonly unit?: string;
  readonly severity?: string;
  readonly dimension?: string;
  readonly query?: string;
  readonly engine?: string;
  readonly implementation?: unknown;
  /** The property the rule is attached to; undefined for a rule on the whole schema object. */
  readonly property?: string;
  readonly path: JsonPath;
}

export interface Property {
  readonly name: string;
  /** The column name in storage: `physicalName`, else `name`. */
  readonly physicalName: string;
  readonly logicalType?: LogicalType;
  readonly physicalType?: string;
  readonly logicalTypeOptions: LogicalTypeOptions;
  readonly description?: string;
  readonly businessName?: string;
  readonly required: boolean;
  readonly unique: boolean;
  readonly primaryKey: boolean;
  /** 1-based position within a composite primary key; undefined when not set. */
  readonly primaryKeyPosition?: number;
  readonly partitioned: boolean;
  readonly classification?: string;
  readonly criticalDataElement: boolean;
  readonly tags: readonly string[];
  readonly examples: readonly unknown[];
  readonly authoritativeDefinitions: readonly AuthoritativeDefinition[];
  readonly customProperties: readonly CustomProperty[];
  /** Nested fields of an `object` property. */
  readonly properties: readonly Property[];
  /** The element type of an `array` property. */
  readonly items?: Property;
  readonly quality: readonly QualityRule[];
  readonly path: JsonPath;
}

export interface SchemaObject {
  readonly name: string;
  readonly physicalName: string;
  readonly physicalType?: string;
  readonly businessName?: string;
  readonly description?: string;
  readonly dataGranularityDescription?: string;
  readonly tags: readonly string[];
  readonly properties: readonly Property[];
  readonly quality: readonly QualityRule[];
  readonly customProperties: readonly CustomProperty[];
  readonly authoritativeDefinitions: readonly AuthoritativeDefinition[];
  readonly path: JsonPath;
}

export interface Server {
  readonly server: string;
  readonly type: string;
  readonly description?: string;
  readonly environment?: string;
  /** Every other field of the server entry (host, port, database, schema, path, format, ...). */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly customProperties: readonly CustomProperty[];
  readonly path: JsonPath;
}

export interface SlaProperty {
  readonly property: string;
  readonly value?: unknown;
  readonly unit?: string;
  readonly element?: string;
  readonly driver?: string;
  readonly path: JsonPath;
}

export interface TeamMember {
  readonly username: string;
  readonly name?: string;
  readonly role?: string;
  readonly dateIn?: string;
  readonly dateOut?: string;
}

export interface Team {
  readonly name?: string;
  readonly description?: string;
  readonly members: readonly TeamMember[];
}

export interface Role {
  readonly role: string;
  readonly access?: string;
  readonly description?: string;
  readonly firstLevelApprovers?: string;
  readonly secondLevelApprovers?: string;
}

/** The three-part description shared by ODCS contracts and ODPS products. */
export interface Description {
  readonly purpose?: string;
  readonly limitations?: string;
  readonly usage?: string;
}

export interface DataContract {
  readonly kind: 'DataContract';
  readonly apiVersion: string;
  readonly id: string;
  readonly name?: string;
  readonly version: string;
  readonly status: string;
  readonly domain?: string;
  readonly dataProduct?: string;
  readonly tenant?: string;
  readonly description: Description;
  readonly tags: readonly string[];
  readonly schema: readonly SchemaObject[];
  readonly servers: readonly Server[];
  readonly team: Team;
  readonly roles: readonly Role[];
  readonly slaProperties: readonly SlaProperty[];
  readonly customProperties: readonly CustomProperty[];
  readonly authoritativeDefinitions: readonly AuthoritativeDefinition[];
}
