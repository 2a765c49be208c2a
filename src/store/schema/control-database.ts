/**
 * The tables of the control store as Kysely sees them. Timestamps are ISO-8601 text and JSON is
 * text in both dialects (docs/adr/0004-control-store.md); counts are BIGINT, which PostgreSQL
 * hands back as strings, so the row mappers turn them into numbers.
 */
import type { ColumnType } from 'kysely';
import type {
  AvailabilityProbesTable,
  IncidentsTable,
  SlaStateChangesTable,
  VolumeHistoryTable,
} from './monitoring-tables.js';

/**
 * A nullable BIGINT column: written as a number, read as a number (SQLite) or a string
 * (PostgreSQL).
 */
export type NullableBigintColumn = ColumnType<number | string | null, number | null, number | null>;

/** A BIGINT column that is never NULL: written as a number, read as a number or a string. */
export type BigintColumn = ColumnType<number | string, number, number>;

export interface MeshTable {
  /** Always 1: the table holds one row. */
  id: number;
  name: string;
  synced_at: string;
}

export interface DomainsTable {
  name: string;
  description: string | null;
  owner_team: string;
}

export interface TeamsTable {
  name: string;
  description: string | null;
}

export interface TeamMembersTable {
  team_name: string;
  username: string;
  name: string | null;
  role: string | null;
}

export interface ProductsTable {
  id: string;
  domain: string;
  name: string;
  title: string | null;
  status: string;
  owner_team: string | null;
  description: string | null;
  /** JSON array of strings. */
  tags: string;
  current_version: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductVersionsTable {
  product_id: string;
  version: string;
  digest: string;
  deploy_id: string;
  deployed_at: string;
  /** JSON: the ODPS descriptor. */
  descriptor: string;
}

export interface OutputPortsTable {
  product_id: string;
  product_version: string;
  name: string;
  port_version: string;
  contract_id: string | null;
}

export interface InputPortsTable {
  product_id: string;
  product_version: string;
  name: string;
  port_version: string;
  contract_id: string;
  source_kind: string;
  source_product_id: string | null;
  source_port: string | null;
}

export interface ContractsTable {
  product_id: string;
  product_version: string;
  contract_id: string;
  contract_version: string;
  port: string | null;
  api_version: string;
  /** JSON: the ODCS document. */
  document: string;
}

export interface DeploysTable {
  id: string;
  product_id: string;
  version: string;
  digest: string;
  state: string;
  /** JSON: what the deploy deploys. */
  bundle: string;
  error_message: string | null;
  error_step: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface DeployStepsTable {
  deploy_id: string;
  seq: number;
  step: string;
  /** JSON, or null when the step has no detail. */
  detail: string | null;
  recorded_at: string;
}

export interface RunsTable {
  id: string;
  product_id: string;
  port: string;
  trigger: string;
  mode: string;
  status: string;
  rows_in: NullableBigintColumn;
  rows_out: NullableBigintColumn;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

/** How often a consumer read an output port's major version. One row per (product, port, major, consumer). */
export interface PortUsageTable {
  product_id: string;
  port: string;
  major: number;
  consumer: string;
  reads: BigintColumn;
  rows: BigintColumn;
  first_read_at: string;
  last_read_at: string;
}

/** An in-app notice to a team or a consumer. */
export interface NotificationsTable {
  id: string;
  created_at: string;
  type: string;
  product_id: string | null;
  port: string | null;
  /** A team name or a consumer name. */
  recipient: string;
  title: string;
  message: string;
  /** JSON, or null when the notice carries no data. */
  data: string | null;
  read_at: string | null;
}

/** The webhook outbox: one row per (URL, event). */
export interface WebhookDeliveriesTable {
  id: string;
  created_at: string;
  url: string;
  event_id: string;
  event_type: string;
  /** JSON: the CloudEvent, as it is sent. */
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
}

/** The audit log, hash-chained in `seq` order. */
export interface AuditEventsTable {
  seq: BigintColumn;
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** JSON, or null when the event has no details. */
  details: string | null;
  prev_hash: string;
  hash: string;
}

/** The audit chain's head: one row (id 1), the last seq and hash; appenders lock it. */
export interface AuditHeadTable {
  id: number;
  seq: BigintColumn;
  hash: string;
}

/** A consumer's query cost over one UTC day. One row per (day, consumer). */
export interface ConsumerQueryCostsTable {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  consumer: string;
  queries: BigintColumn;
  duration_ms: BigintColumn;
  bytes_scanned: BigintColumn;
  rows: BigintColumn;
}

/** What a consumer's queries cost a domain they read over one UTC day. One row per (day, domain, consumer). */
export interface DomainQueryCostsTable extends ConsumerQueryCostsTable {
  domain: string;
}

/** Quality history: one row per run of an output port version's quality rules. */
export interface QualityRunsTable {
  id: string;
  product_id: string;
  /** The output port's name; `major` tells its versions apart. */
  port: string;
  major: number;
  version: string;
  /** The pipeline run the checks followed, if any. */
  run_id: string | null;
  trigger: string;
  state: string;
  started_at: string;
  finished_at: string;
  passed: number;
  failed: number;
  not_run: number;
  errored: number;
  /** JSON array: one result per rule. */
  results: string;
  /** JSON array: bounded, masked failing-row samples. */
  samples: string;
  error: string | null;
}

/** Every table of the control store. */
export interface ControlDatabase {
  mesh: MeshTable;
  domains: DomainsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  products: ProductsTable;
  product_versions: ProductVersionsTable;
  output_ports: OutputPortsTable;
  input_ports: InputPortsTable;
  contracts: ContractsTable;
  deploys: DeploysTable;
  deploy_steps: DeployStepsTable;
  runs: RunsTable;
  port_usage: PortUsageTable;
  notifications: NotificationsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  consumer_query_costs: ConsumerQueryCostsTable;
  domain_query_costs: DomainQueryCostsTable;
  quality_runs: QualityRunsTable;
  sla_state_changes: SlaStateChangesTable;
  volume_history: VolumeHistoryTable;
  availability_probes: AvailabilityProbesTable;
  incidents: IncidentsTable;
}
