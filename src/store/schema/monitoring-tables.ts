/** The monitoring tables (migration 0005) as Kysely sees them; listed in `ControlDatabase`. */
import type { BigintColumn } from './control-database.js';

/** One row per change of an SLA objective's state. */
export interface SlaStateChangesTable {
  id: string;
  product_id: string;
  port: string;
  objective_id: string;
  kind: string;
  state: string;
  at: string;
  message: string;
  /** JSON `{ measured?, limit?, due? }`, or null when there is none. */
  evidence: string | null;
}

/** Rows written by each run of an output port; the newest few hundred per port are kept. */
export interface VolumeHistoryTable {
  product_id: string;
  port: string;
  run_id: string;
  at: string;
  rows: BigintColumn;
}

/** Availability checks of output ports; a month and a day of them are kept. */
export interface AvailabilityProbesTable {
  product_id: string;
  port: string;
  at: string;
  /** 1 when the port answered, 0 when not. */
  up: number;
  error: string | null;
}

/** Incidents; at most one active (not resolved) per `key_text`. */
export interface IncidentsTable {
  id: string;
  key_text: string;
  product_id: string;
  monitor: string;
  subject: string;
  port: string | null;
  state: string;
  /** JSON: the latest failing observation's message and facts. */
  details: string;
  opened_at: string;
  last_failing_at: string;
  occurrences: BigintColumn;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  /** JSON: the clearing observation's details, or null. */
  resolution: string | null;
  /** JSON: who did what when. */
  history: string;
  revision: number;
}
