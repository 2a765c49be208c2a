/** Pure mapping between the monitoring tables' rows and their models. */
import type { Selectable } from 'kysely';
import type {
  ProbeRecord,
  SlaFigure,
  SlaObjectiveState,
  SlaStateChangeInput,
  SlaStateChangeRecord,
  VolumeRecord,
} from '../model/monitoring-model.js';
import type {
  AvailabilityProbesTable,
  SlaStateChangesTable,
  VolumeHistoryTable,
} from '../schema/monitoring-tables.js';
import { fromJsonText, toJsonText } from './json-text.js';
import { optional } from './optional.js';

interface Evidence {
  readonly measured?: SlaFigure;
  readonly limit?: SlaFigure;
  readonly due?: string;
}

const isFigure = (value: unknown): value is SlaFigure =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SlaFigure).value === 'number' &&
  typeof (value as SlaFigure).unit === 'string';

/**
 * A change as a row; `at` must already be normalized. Infinite figures (an `unlimited`
 * retention) are kept out of the JSON, which cannot hold them.
 */
export function slaStateChangeToRow(
  input: SlaStateChangeInput,
  id: string,
  at: string,
): Selectable<SlaStateChangesTable> {
  const finite = (figure: SlaFigure | undefined) =>
    figure !== undefined && Number.isFinite(figure.value) ? figure : undefined;
  const evidence: Evidence = {
    ...optional('measured', finite(input.measured)),
    ...optional('limit', finite(input.limit)),
    ...optional('due', input.due),
  };
  return {
    id,
    product_id: input.productId,
    port: input.port,
    objective_id: input.objectiveId,
    kind: input.kind,
    state: input.state,
    at,
    message: input.message,
    evidence:
      Object.keys(evidence).length === 0 ? null : toJsonText(evidence, `evidence of ${input.objectiveId}`),
  };
}

/** A change row as a record. The state is checked by the schema, so it is trusted. */
export function slaStateChangeFromRow(row: Selectable<SlaStateChangesTable>): SlaStateChangeRecord {
  const evidence = (
    row.evidence === null ? {} : fromJsonText(row.evidence, `evidence of ${row.id}`)
  ) as Record<string, unknown>;
  return {
    id: row.id,
    productId: row.product_id,
    port: row.port,
    objectiveId: row.objective_id,
    kind: row.kind,
    state: row.state as SlaObjectiveState,
    at: row.at,
    message: row.message,
    ...(isFigure(evidence.measured) ? { measured: evidence.measured } : {}),
    ...(isFigure(evidence.limit) ? { limit: evidence.limit } : {}),
    ...(typeof evidence.due === 'string' ? { due: evidence.due } : {}),
  };
}

/** A volume row as a record (PostgreSQL returns BIGINT as text). */
export function volumeFromRow(row: Selectable<VolumeHistoryTable>): VolumeRecord {
  return {
    productId: row.product_id,
    port: row.port,
    runId: row.run_id,
    at: row.at,
    rows: Number(row.rows),
  };
}

/** A probe as a row. */
export function probeToRow(probe: ProbeRecord, at: string): Selectable<AvailabilityProbesTable> {
  return {
    product_id: probe.productId,
    port: probe.port,
    at,
    up: probe.up ? 1 : 0,
    error: probe.error ?? null,
  };
}

/** A probe row as a record. */
export function probeFromRow(row: Selectable<AvailabilityProbesTable>): ProbeRecord {
  return {
    productId: row.product_id,
    port: row.port,
    at: row.at,
    up: Number(row.up) === 1,
    ...optional('error', row.error),
  };
}
