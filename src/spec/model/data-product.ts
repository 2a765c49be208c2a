/** The normalized ODPS data product (v0.9.0 and v1.0.0 read into one shape). */
import type { JsonPath } from '../diagnostic.js';
import type { AuthoritativeDefinition, CustomProperty, Description, Team } from './data-contract.js';

export interface InputPort {
  readonly name: string;
  readonly version: string;
  /** The id of an input contract in the workspace, or of another product's output port contract. */
  readonly contractId: string;
  readonly tags: readonly string[];
  readonly customProperties: readonly CustomProperty[];
  readonly path: JsonPath;
}

export interface OutputPort {
  readonly name: string;
  readonly version: string;
  readonly contractId?: string;
  readonly type?: string;
  readonly description?: string;
  readonly inputContracts: readonly { readonly id: string; readonly version: string }[];
  readonly tags: readonly string[];
  readonly customProperties: readonly CustomProperty[];
  readonly path: JsonPath;
}

export interface DataProduct {
  readonly kind: 'DataProduct';
  readonly apiVersion: string;
  readonly id: string;
  readonly name?: string;
  readonly version?: string;
  readonly status: string;
  readonly domain?: string;
  readonly tenant?: string;
  readonly description: Description;
  readonly tags: readonly string[];
  readonly inputPorts: readonly InputPort[];
  readonly outputPorts: readonly OutputPort[];
  readonly team: Team;
  readonly customProperties: readonly CustomProperty[];
  readonly authoritativeDefinitions: readonly AuthoritativeDefinition[];
}
