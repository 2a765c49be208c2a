/**
 * The tables of the control store as Kysely sees them. Timestamps are ISO-8601 text and JSON is
 * text in both dialects (docs/adr/0004-control-store.md); counts are BIGINT, which PostgreSQL
 * hands back as strings, so the row mappers turn them into numbers.
 */
import type { ColumnType } from 'kysely';

/**
 * A nullable BIGINT column: written as a number, read as a number (SQLite) or a string
 * (PostgreSQL).
 */
export type NullableBigintColumn = ColumnType<number | string | null, number | null, number | null>;

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
}
