/** Pure mapping between run rows and runs. */
import type { Selectable } from 'kysely';
import type { Run, RunMode, RunStatus, RunTrigger } from '../model/run-model.js';
import type { RunsTable } from '../schema/control-database.js';
import { optional, toCount } from './optional.js';

/** A run row as a run. Trigger, mode and status are checked by the schema, so they are trusted. */
export function runFromRow(row: Selectable<RunsTable>): Run {
  return {
    id: row.id,
    productId: row.product_id,
    port: row.port,
    trigger: row.trigger as RunTrigger,
    mode: row.mode as RunMode,
    status: row.status as RunStatus,
    ...optional('rowsIn', toCount(row.rows_in)),
    ...optional('rowsOut', toCount(row.rows_out)),
    ...optional('error', row.error),
    startedAt: row.started_at,
    ...optional('finishedAt', row.finished_at),
  };
}
