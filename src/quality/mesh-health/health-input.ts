/**
 * What the mesh's health is computed from: plain data the server gathers from mesh.yaml's
 * domains and teams, the control store (deploy journal, runs, port usage, incidents), the
 * monitor's SLA reports and the runtime's deployed products. Instants are ISO 8601 with a zone.
 */

/** Consumers count as active with a read in this many days unless asked otherwise. */
export const DEFAULT_CONSUMER_DAYS = 30;
/** The longest consumer window a report may ask for. */
export const MAX_CONSUMER_DAYS = 365;

/** A domain declared in mesh.yaml and the team that owns it. */
export interface HealthDomainInput {
  readonly name: string;
  readonly ownerTeam: string;
}

/** A team of mesh.yaml and its members' user names. */
export interface HealthTeamInput {
  readonly name: string;
  readonly members: readonly string[];
}

/** A product's SLA over the last 30 days, from the monitor's report. */
export interface HealthSlaInput {
  /** Objectives evaluated across its output ports; 0 when its contracts promise nothing measurable. */
  readonly objectives: number;
  /** The product's state now: breached while any objective is. */
  readonly state: 'met' | 'breached' | 'unknown';
  readonly metSeconds: number;
  readonly breachedSeconds: number;
}

/** An output port version (its key, as runs name it) and when its data last changed. */
export interface HealthOutputInput {
  readonly port: string;
  /** The finish of its last successful run; absent when it never had one. */
  readonly lastUpdatedAt?: string;
}

/** A product the control plane knows: deployed, or only tried. */
export interface HealthProductInput {
  readonly id: string;
  readonly domain: string;
  /** Registered by a successful deploy and served. */
  readonly deployed: boolean;
  /** The descriptor's custom properties, where `meshplane.scaffoldedAt` is read. */
  readonly customProperties: readonly { readonly property: string; readonly value: unknown }[];
  /** When its first deploy was begun (the deploy journal); absent when the journal has none. */
  readonly firstDeployAt?: string;
  /** When its first successful deploy finished. */
  readonly firstSucceededAt?: string;
  /** Products it reads through `product` input ports. */
  readonly reads: readonly string[];
  readonly outputs: readonly HealthOutputInput[];
  /** Absent when the monitor could not report on it (the reason is in `notes`). */
  readonly sla?: HealthSlaInput;
  readonly incidents: { readonly open: number; readonly acknowledged: number };
  /** What could not be measured about the product, said once each. */
  readonly notes?: readonly string[];
}

/** A consumer's reads of a product, from port usage (all ports and majors of it). */
export interface HealthUsageInput {
  readonly productId: string;
  readonly consumer: string;
  readonly lastReadAt: string;
}

/** Everything the report is computed from. */
export interface MeshHealthInput {
  /** The instant the report is for. */
  readonly now: string;
  /** Consumers count as active with a read in the last `days` days. */
  readonly days: number;
  readonly domains: readonly HealthDomainInput[];
  readonly teams: readonly HealthTeamInput[];
  readonly products: readonly HealthProductInput[];
  readonly usage: readonly HealthUsageInput[];
}
