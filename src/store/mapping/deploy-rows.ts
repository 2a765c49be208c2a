/** Pure mapping between the deploy journal's rows and deploys. */
import type { Selectable } from 'kysely';
import type {
  Deploy,
  DeployState,
  DeployStep,
  DeployStepName,
  DeploySummary,
} from '../model/deploy-model.js';
import type { DeployStepsTable, DeploysTable } from '../schema/control-database.js';
import { fromJsonText } from './json-text.js';
import { optional } from './optional.js';

/** A deploy row without its bundle. */
export type DeploySummaryRow = Omit<Selectable<DeploysTable>, 'bundle'>;

/** A deploy row as a summary. The state column is checked by the schema, so it is trusted. */
export function deploySummaryFromRow(row: DeploySummaryRow): DeploySummary {
  return {
    id: row.id,
    productId: row.product_id,
    version: row.version,
    digest: row.digest,
    state: row.state as DeployState,
    ...(row.error_message === null
      ? {}
      : { error: { message: row.error_message, step: row.error_step ?? 'unknown' } }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...optional('finishedAt', row.finished_at),
  };
}

/** A step row as a step, its detail parsed. */
export function deployStepFromRow(row: Selectable<DeployStepsTable>): DeployStep {
  return {
    seq: row.seq,
    step: row.step as DeployStepName,
    ...(row.detail === null ? {} : { detail: fromJsonText(row.detail, `detail of deploy step ${row.seq}`) }),
    at: row.recorded_at,
  };
}

/** A deploy row and its step rows (in any order) as a deploy with its steps in order. */
export function deployFromRows(
  row: Selectable<DeploysTable>,
  steps: readonly Selectable<DeployStepsTable>[],
): Deploy {
  return {
    ...deploySummaryFromRow(row),
    bundle: fromJsonText(row.bundle, `bundle of deploy ${row.id}`),
    steps: steps
      .filter((s) => s.deploy_id === row.id)
      .map(deployStepFromRow)
      .sort((a, b) => a.seq - b.seq),
  };
}

/** Whether a deploy in this state can still record steps, complete or fail. */
export function isUnfinished(state: string): boolean {
  return state !== 'succeeded' && state !== 'failed';
}
