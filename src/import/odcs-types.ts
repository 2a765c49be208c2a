/**
 * The parts of an ODCS v3.1.0 document that the converters write. Plain data, ready for YAML;
 * optional fields are left out rather than set to undefined, and the key order of the literals
 * that build them is the order a person reads them in.
 */
import type { LogicalType } from '../spec/model/data-contract.js';
import type { ImportGap } from './imported-table.js';

export type { LogicalType };

export interface OdcsCustomProperty {
  readonly property: string;
  readonly value: unknown;
  readonly description?: string;
}

/** A quality rule; its fields (`metric`, `query`, `mustBe`, `engine`, ...) depend on its `type`. */
export type OdcsQualityRule = Readonly<Record<string, unknown>> & {
  readonly type: 'library' | 'sql' | 'custom' | 'text';
};

/** A foreign key: `from` and `to` are `table.column` (arrays of them for a composite key). */
export interface OdcsRelationship {
  readonly type: 'foreignKey';
  readonly from?: string | readonly string[];
  readonly to: string | readonly string[];
}

export interface OdcsAuthoritativeDefinition {
  readonly type: string;
  readonly url: string;
  readonly description?: string;
}

export interface OdcsProperty {
  readonly name?: string;
  readonly physicalName?: string;
  readonly businessName?: string;
  readonly logicalType?: LogicalType;
  readonly logicalTypeOptions?: Readonly<Record<string, unknown>>;
  readonly physicalType?: string;
  readonly required?: boolean;
  readonly unique?: boolean;
  readonly primaryKey?: boolean;
  readonly primaryKeyPosition?: number;
  readonly classification?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly examples?: readonly unknown[];
  readonly quality?: readonly OdcsQualityRule[];
  readonly relationships?: readonly OdcsRelationship[];
  readonly properties?: readonly OdcsProperty[];
  readonly items?: OdcsProperty;
  readonly authoritativeDefinitions?: readonly OdcsAuthoritativeDefinition[];
  readonly customProperties?: readonly OdcsCustomProperty[];
}

export interface OdcsSchemaObject {
  readonly name: string;
  readonly physicalName?: string;
  readonly physicalType?: string;
  readonly logicalType: 'object';
  readonly businessName?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly quality?: readonly OdcsQualityRule[];
  readonly properties: readonly OdcsProperty[];
  readonly relationships?: readonly OdcsRelationship[];
  readonly customProperties?: readonly OdcsCustomProperty[];
}

/** A whole ODCS v3.1.0 contract as the converters build it. */
export type OdcsDocument = Readonly<Record<string, unknown>> & {
  readonly apiVersion: 'v3.1.0';
  readonly kind: 'DataContract';
  readonly id: string;
  readonly version: string;
  readonly status: string;
  readonly schema: readonly OdcsSchemaObject[];
};

/** What every document conversion returns: the contract and what it could not carry over. */
export interface Conversion {
  readonly document: OdcsDocument;
  readonly gaps: readonly ImportGap[];
}
