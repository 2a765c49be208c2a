/**
 * The mesh's health report, as `GET /api/v1/mesh/health` serves it and `meshplane health` shows
 * it: mesh-wide figures, the same figures per domain, and each product's own. Durations are
 * seconds; shares are 0..1; a figure that has nothing to be computed from is absent.
 */

/** Median and 90th percentile of a set of durations (linear interpolation between ranks). */
export interface DurationSummary {
  readonly count: number;
  readonly medianSeconds?: number;
  readonly p90Seconds?: number;
}

/** Where a product's time to create starts. */
export type CreationStart = 'scaffolded' | 'first-seen';

export interface ProductTimeToCreate {
  readonly seconds: number;
  /** `scaffolded`: `meshplane.scaffoldedAt`; `first-seen`: its first deploy attempt. */
  readonly source: CreationStart;
  readonly from: string;
  /** Its first successful deploy's finish. */
  readonly to: string;
}

export interface ProductSla {
  readonly objectives: number;
  readonly state: 'met' | 'breached' | 'unknown';
  /** met / (met + breached) over 30 days; absent when no time was known. */
  readonly adherence?: number;
  readonly metSeconds: number;
  readonly breachedSeconds: number;
}

export interface PortFreshness {
  readonly port: string;
  readonly lastUpdatedAt?: string;
  readonly ageSeconds?: number;
}

export interface ProductFreshness {
  readonly ports: readonly PortFreshness[];
  /** The age of its least fresh port that was ever updated. */
  readonly oldestAgeSeconds?: number;
  readonly neverUpdated: number;
}

export interface ProductConsumers {
  /** Query consumers with a read in the window plus products reading it. */
  readonly active: number;
  readonly queryConsumers: number;
  readonly products: number;
  /** Other domains whose consumers or products read it, by name. */
  readonly readByDomains: readonly string[];
}

export interface IncidentCounts {
  readonly open: number;
  readonly acknowledged: number;
}

export interface ProductHealth {
  readonly id: string;
  readonly domain: string;
  readonly deployed: boolean;
  readonly scaffoldedAt?: string;
  readonly firstSeenAt?: string;
  readonly firstDeployedAt?: string;
  readonly timeToCreate?: ProductTimeToCreate;
  readonly sla?: ProductSla;
  readonly freshness: ProductFreshness;
  readonly consumers: ProductConsumers;
  readonly crossDomain: boolean;
  readonly incidents: IncidentCounts;
  /** What could not be measured, or was measured another way than usual, and why. */
  readonly notes: readonly string[];
}

/** The figures reported for the mesh and for each domain alike. */
export interface HealthFigures {
  readonly products: { readonly total: number; readonly deployed: number; readonly notYetDeployed: number };
  readonly timeToCreate: DurationSummary & {
    /** How many of the durations started at the scaffold time, and how many at first sight. */
    readonly scaffolded: number;
    readonly firstSeen: number;
  };
  readonly sla: {
    readonly productsWithSla: number;
    readonly breachedNow: number;
    /** Met time over met and breached time, summed over the products, 30 days. */
    readonly adherence?: number;
    readonly metSeconds: number;
    readonly breachedSeconds: number;
  };
  readonly freshness: DurationSummary & { readonly ports: number; readonly neverUpdated: number };
  readonly consumers: {
    /** Distinct query consumers with a read in the window. */
    readonly distinctQueryConsumers: number;
    /** Median of `active` over deployed products. */
    readonly medianPerProduct?: number;
    readonly productsWithoutConsumers: number;
  };
  readonly reuse: {
    /** Deployed products read by a consumer or product of another domain. */
    readonly crossDomainProducts: number;
    /** That count over deployed products. */
    readonly share?: number;
  };
  readonly incidents: IncidentCounts;
}

export interface DomainHealth extends HealthFigures {
  readonly name: string;
  /** Declared in mesh.yaml (products may name a domain that is not). */
  readonly declared: boolean;
  readonly ownerTeam?: string;
  /** Has at least one deployed product. */
  readonly onPlatform: boolean;
}

/** Products of one domain read by consumers or products of another. */
export interface ReuseEdge {
  /** The domain whose products are read. */
  readonly from: string;
  /** The domain that reads them. */
  readonly to: string;
  readonly products: number;
  /** Distinct consumers and products of `to` reading them. */
  readonly readers: number;
}

export interface MeshFigures extends HealthFigures {
  readonly domains: {
    readonly declared: number;
    readonly onPlatform: number;
    /** Declared domains with a deployed product over declared domains. */
    readonly share?: number;
    /** Declared domains without a deployed product. */
    readonly withoutProducts: readonly string[];
    /** Domains of deployed products that mesh.yaml does not declare. */
    readonly undeclared: readonly string[];
  };
  readonly edges: readonly ReuseEdge[];
  /** Active query consumers who belong to no domain's owner team (never counted as cross-domain). */
  readonly consumersWithoutDomain: number;
}

export interface MeshHealthReport {
  readonly generatedAt: string;
  /** The consumer window in days. */
  readonly days: number;
  readonly mesh: MeshFigures;
  readonly domains: readonly DomainHealth[];
  readonly products: readonly ProductHealth[];
}
