/** Meshplane's own workspace documents: mesh.yaml and domain.yaml (apiVersion meshplane/v1). */
import type { JsonPath } from '../diagnostic.js';
import type { TeamMember } from './data-contract.js';

export type NamingConvention = 'snake_case' | 'camelCase' | 'PascalCase' | 'kebab-case' | 'any';

export interface MeshTeam {
  readonly name: string;
  readonly description?: string;
  readonly members: readonly TeamMember[];
  readonly path: JsonPath;
}

/** mesh.yaml `domains[].quotas`: limits on what a domain uses; an absent field is no limit. */
export interface DomainQuotas {
  /** Bytes all the domain's product files (DuckDB file and its WAL) may take together. */
  readonly storageBytes?: number;
  /** Milliseconds of query time per UTC day, summed over every query that reads the domain. */
  readonly queryTimePerDayMs?: number;
}

export interface MeshDomain {
  readonly name: string;
  readonly description?: string;
  readonly ownerTeam: string;
  /** Present when mesh.yaml sets at least one quota for the domain. */
  readonly quotas?: DomainQuotas;
  readonly path: JsonPath;
}

/** The schema registry's compatibility modes (Confluent's names); see src/compat/schema/. */
export const COMPATIBILITY_MODE_NAMES = Object.freeze([
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const);

export type CompatibilityModeName = (typeof COMPATIBILITY_MODE_NAMES)[number];

/** mesh.yaml `registry`, defaults resolved. */
export interface RegistrySettings {
  readonly compatibility: CompatibilityModeName;
  readonly policy: 'strict' | 'lenient';
  readonly activeConsumerDays: number;
}

/** One mesh.yaml `notifications.webhooks` entry. */
export interface WebhookSetting {
  readonly url: string;
  /** Event types sent; every type when empty. */
  readonly events: readonly string[];
  readonly format: 'cloudevents' | 'slack';
  readonly secretEnv?: string;
}

export interface Mesh {
  readonly kind: 'Mesh';
  readonly apiVersion: string;
  readonly name: string;
  readonly description?: string;
  readonly teams: readonly MeshTeam[];
  readonly domains: readonly MeshDomain[];
  readonly conventions: { readonly physicalNames: NamingConvention };
  readonly settings: Readonly<Record<string, unknown>>;
  readonly registry: RegistrySettings;
  readonly webhooks: readonly WebhookSetting[];
}

export interface Domain {
  readonly kind: 'Domain';
  readonly apiVersion: string;
  readonly name: string;
  readonly description?: string;
  readonly ownerTeam?: string;
  readonly members: readonly TeamMember[];
}
