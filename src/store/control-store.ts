import type { AuditEvent, AuditFilter, AuditInput, AuditVerification } from './model/audit-model.js';
import type {
  ConsumerQueryCost,
  DomainQueryCost,
  QueryCostFilter,
  QueryCostInput,
  RunCompute,
} from './model/cost-model.js';
import type {
  BeginDeployInput,
  BeginDeployResult,
  Deploy,
  DeployCompletionExtras,
  DeployError,
  DeployStepName,
  DeploySummary,
} from './model/deploy-model.js';
import type { ActiveIncidentCount, DeployMilestones } from './model/health-model.js';
import type {
  IncidentAlerts,
  IncidentFilter,
  IncidentKeyRecord,
  IncidentRecord,
  IncidentWrite,
} from './model/incident-model.js';
import type { DomainRecord, MeshRecord, MeshSnapshot, TeamRecord } from './model/mesh-model.js';
import type {
  PortRunFilter,
  ProbeFilter,
  ProbeRecord,
  SlaStateChangeFilter,
  SlaStateChangeInput,
  SlaStateChangeRecord,
  VolumeFilter,
  VolumeRecord,
} from './model/monitoring-model.js';
import type { Notification, NotificationFilter, NotificationInput } from './model/notification-model.js';
import type {
  PortContractVersion,
  ProductDetail,
  ProductFilter,
  ProductRegistration,
  ProductSummary,
} from './model/product-model.js';
import type { QualityRun, QualityRunFilter, QualityRunInput } from './model/quality-model.js';
import type { FinishRunInput, Run, StartRunInput } from './model/run-model.js';
import type { PortUsage, PortUsageFilter, PortUsageInput } from './model/usage-model.js';
import type {
  WebhookAttemptOutcome,
  WebhookDelivery,
  WebhookFilter,
  WebhookInput,
} from './model/webhook-model.js';

/**
 * The control plane's metadata: the mesh, the product registry, the deploy journal, pipeline
 * runs, port usage, notifications, the webhook outbox and the audit log. One implementation over
 * SQLite (embedded) and PostgreSQL (server mode).
 *
 * Every method that writes several rows does so in one transaction. Failures are
 * `MeshplaneError`s: NOT_FOUND for an unknown deploy or run, CONFLICT when a write collides with
 * the journal's invariants or another writer, INVALID_INPUT for values the store cannot keep,
 * UNAVAILABLE when the database cannot be reached.
 */
export interface ControlStore {
  /** Replaces the domains and teams with those of mesh.yaml, in one transaction. */
  syncMesh(mesh: MeshSnapshot): Promise<void>;
  /** The mesh's name and when it was last synced; undefined before the first sync. */
  getMesh(): Promise<MeshRecord | undefined>;
  /** Domains, by name. */
  listDomains(): Promise<DomainRecord[]>;
  /** Teams with their members, by name. */
  listTeams(): Promise<TeamRecord[]>;

  /** Registered products, by id, with the output ports of their current version. */
  listProducts(filter?: ProductFilter): Promise<ProductSummary[]>;
  /** A registered product with its versions and current ports, contracts and descriptor. */
  getProduct(id: string): Promise<ProductDetail | undefined>;
  /**
   * Every contract version an output port was registered with, oldest first: one entry per
   * (contract id, version), with the first product version that registered it.
   */
  listPortContracts(productId: string, port: string): Promise<PortContractVersion[]>;

  /**
   * Opens a deploy in the journal. When the product's current version was deployed from the same
   * digest, returns that deploy with `alreadyDeployed: true` and writes nothing. CONFLICT when
   * another deploy of the product is unfinished, or when the version is already registered with
   * another digest (versions are immutable).
   */
  beginDeploy(input: BeginDeployInput): Promise<BeginDeployResult>;
  /** Appends a step to an unfinished deploy's log and makes it the deploy's state. */
  recordDeployStep(deployId: string, step: DeployStepName, detail?: unknown): Promise<void>;
  /**
   * In one transaction: marks the deploy succeeded, registers the product, its version, ports and
   * contracts, makes that version current, and writes `extras` (audit events, notifications,
   * webhooks), so they exist exactly when the deploy succeeded. Calling it again on a succeeded
   * deploy is a no-op that writes no extras.
   */
  completeDeploy(
    deployId: string,
    registration: ProductRegistration,
    extras?: DeployCompletionExtras,
  ): Promise<Deploy>;
  /** Marks an unfinished deploy failed; the product's current version stays as it was. */
  failDeploy(deployId: string, error: DeployError): Promise<Deploy>;
  /** Deploys neither succeeded nor failed, oldest first: what a crash left to repair. */
  unfinishedDeploys(): Promise<Deploy[]>;
  /** Deploys, newest first, of one product or of all. */
  listDeploys(productId: string | undefined, limit: number): Promise<DeploySummary[]>;
  /** A deploy with its bundle and step log. */
  getDeploy(id: string): Promise<Deploy | undefined>;

  /** Records a run as `running` and returns its id. */
  startRun(input: StartRunInput): Promise<string>;
  /** Records how a running run ended. */
  finishRun(id: string, result: FinishRunInput): Promise<Run>;
  /** A product's runs, newest first. */
  listRuns(productId: string, limit: number): Promise<Run[]>;

  /**
   * Adds reads to the consumers' totals, in one transaction: a read per entry, rows summed,
   * first and last read times widened.
   */
  recordPortUsage(entries: readonly PortUsageInput[]): Promise<void>;
  /** A product's usage (of one port or major version if asked), most recently read first. */
  listPortUsage(filter: PortUsageFilter): Promise<PortUsage[]>;

  /** Writes in-app notices, unread; returns them as stored. */
  addNotifications(list: readonly NotificationInput[]): Promise<Notification[]>;
  /** Notices newest first. */
  listNotifications(filter: NotificationFilter): Promise<Notification[]>;
  /** Marks a notice read (the first time is kept). NOT_FOUND for an unknown id. */
  markNotificationRead(id: string): Promise<void>;

  /** Puts events in the webhook outbox, due at once. */
  enqueueWebhooks(list: readonly WebhookInput[]): Promise<void>;
  /**
   * Claims up to `limit` deliveries due at `now`, oldest first: for each URL only its oldest
   * pending delivery, so deliveries to one URL go in order. The claim holds them for `leaseMs`
   * (default 60 s) so other dispatchers leave them alone; an unsettled claim then expires.
   */
  claimDueWebhooks(now: Date, limit: number, leaseMs?: number): Promise<WebhookDelivery[]>;
  /**
   * Settles an attempt of a pending delivery: delivered, pending again until `retryAt`, or dead
   * without one. NOT_FOUND for an unknown delivery, CONFLICT for one settled already.
   */
  recordWebhookAttempt(id: string, outcome: WebhookAttemptOutcome): Promise<WebhookDelivery>;
  /** Deliveries newest first. */
  listWebhooks(filter: WebhookFilter): Promise<WebhookDelivery[]>;

  /**
   * Appends events to the hash-chained audit log in one transaction; concurrent appenders, in
   * this process or others, take turns and never fork the chain. Returns the events as stored.
   */
  appendAudit(events: readonly AuditInput[]): Promise<AuditEvent[]>;
  /** Audit events newest first. */
  listAudit(filter: AuditFilter): Promise<AuditEvent[]>;
  /** Recomputes the chain: ok with the event count, or the first seq that does not chain and why. */
  verifyAudit(): Promise<AuditVerification>;

  /**
   * Adds a finished query to its consumer's totals of the query's UTC day and to those of each
   * domain it read (each domain: the whole time and rows, the bytes of its own tables), in one
   * transaction.
   */
  recordQueryCost(input: QueryCostInput): Promise<void>;
  /** Query cost per (day, domain, consumer) over a range of UTC days, by day, domain, consumer. */
  listDomainQueryCosts(filter: QueryCostFilter): Promise<DomainQueryCost[]>;
  /** Query cost per (day, consumer) over a range of UTC days, by day and consumer. */
  listConsumerQueryCosts(filter: QueryCostFilter): Promise<ConsumerQueryCost[]>;
  /** Finished runs started at or after `since`, counted and their durations summed per product. */
  listRunCompute(since: Date): Promise<RunCompute[]>;

  /**
   * Records a run of an output port version's quality rules and, in the same transaction, drops
   * that port version's oldest check runs past the newest `keep` (default 500).
   */
  recordQualityRun(input: QualityRunInput, keep?: number): Promise<QualityRun>;
  /** Check runs of a product (of one port, major or pipeline run if asked), newest first. */
  listQualityRuns(filter: QualityRunFilter): Promise<QualityRun[]>;
  /** The newest check run of each (port, major) of a product, by port and major. */
  latestQualityRuns(productId: string): Promise<QualityRun[]>;

  /** Writes SLA state changes in one transaction; changes older than 90 days are pruned. */
  recordSlaStateChanges(list: readonly SlaStateChangeInput[]): Promise<void>;
  /** The latest state change of each SLA objective of a product. */
  latestSlaStates(productId: string): Promise<SlaStateChangeRecord[]>;
  /** A product's SLA changes after `since`, plus each objective's state at `since`, oldest first. */
  listSlaStateChanges(filter: SlaStateChangeFilter): Promise<SlaStateChangeRecord[]>;
  /** Stores the row counts of runs not recorded yet (the newest 500 per port are kept); returns the new ones. */
  recordVolume(points: readonly VolumeRecord[]): Promise<VolumeRecord[]>;
  /** One output port's row counts per run, newest first. */
  listVolumeHistory(filter: VolumeFilter): Promise<VolumeRecord[]>;
  /** Stores an availability probe; a port's probes older than 31 days are deleted. */
  recordProbe(probe: ProbeRecord): Promise<void>;
  /** One output port's probes since an instant, oldest first. */
  listProbes(filter: ProbeFilter): Promise<ProbeRecord[]>;
  /** One port's runs started since an instant, newest first. */
  listPortRuns(filter: PortRunFilter): Promise<Run[]>;
  /** When a port's last successful run finished; undefined when it never had one. */
  lastPortUpdate(productId: string, port: string): Promise<string | undefined>;
  /** Incidents, newest opened first. */
  listIncidents(filter: IncidentFilter): Promise<IncidentRecord[]>;
  /** An incident by id. */
  getIncident(id: string): Promise<IncidentRecord | undefined>;
  /** A condition's active incident, if any, and its latest resolved ones. */
  incidentsOfKey(key: IncidentKeyRecord): Promise<IncidentRecord[]>;
  /**
   * Writes incident changes and their alerts (webhooks, notices) in one transaction. CONFLICT,
   * writing nothing, when an incident changed since the revision a write names or a new
   * incident's condition already has an active one.
   */
  saveIncidents(writes: readonly IncidentWrite[], alerts?: IncidentAlerts): Promise<IncidentRecord[]>;

  /** Per product, by id: its first deploy's begin, first successful deploy's finish, deploy counts. */
  listDeployMilestones(): Promise<DeployMilestones[]>;
  /** Every product's usage rows last read at or after `since`. */
  listPortUsageSince(since: Date): Promise<PortUsage[]>;
  /** Open and acknowledged incidents counted per product. */
  countActiveIncidents(): Promise<ActiveIncidentCount[]>;

  /** Closes the database connection (or pool). The store cannot be used afterwards. */
  close(): Promise<void>;
}
