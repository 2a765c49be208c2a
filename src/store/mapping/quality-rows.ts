/** Pure mapping between quality history rows and check runs. */
import type { Insertable, Selectable } from 'kysely';
import { MeshplaneError } from '../../errors/index.js';
import {
  MAX_QUALITY_JSON_CHARS,
  type QualityRun,
  type QualityRunInput,
  type QualityState,
  type QualityTrigger,
} from '../model/quality-model.js';
import type { QualityRunsTable } from '../schema/control-database.js';
import { fromJsonText, toJsonText } from './json-text.js';
import { nullable, optional } from './optional.js';

/**
 * A JSON array as text, refused (INVALID_INPUT naming `what`) past `MAX_QUALITY_JSON_CHARS`:
 * callers bound samples themselves; this is the store's own guarantee that one record stays small.
 */
export function boundedJsonArray(value: readonly unknown[], what: string): string {
  const text = toJsonText(value, what);
  if (text.length > MAX_QUALITY_JSON_CHARS)
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${what} take ${text.length} characters as JSON; at most ${MAX_QUALITY_JSON_CHARS} are kept per check run`,
    );
  return text;
}

function jsonArray(text: string, what: string): unknown[] {
  const value = fromJsonText(text, what);
  return Array.isArray(value) ? value : [];
}

/** The row of a new check run (its input already validated). */
export function qualityRowFromInput(id: string, input: QualityRunInput): Insertable<QualityRunsTable> {
  return {
    id,
    product_id: input.productId,
    port: input.port,
    major: input.major,
    version: input.version,
    run_id: nullable(input.runId),
    trigger: input.trigger,
    state: input.state,
    started_at: input.startedAt.toISOString(),
    finished_at: input.finishedAt.toISOString(),
    passed: input.counts.passed,
    failed: input.counts.failed,
    not_run: input.counts.notRun,
    errored: input.counts.error,
    results: boundedJsonArray(input.results, 'quality results'),
    samples: boundedJsonArray(input.samples, 'quality samples'),
    error: nullable(input.error),
  };
}

/** A stored row as a check run. Trigger and state are checked by the schema, so they are trusted. */
export function qualityRunFromRow(row: Selectable<QualityRunsTable>): QualityRun {
  return {
    id: row.id,
    productId: row.product_id,
    port: row.port,
    major: Number(row.major),
    version: row.version,
    ...optional('runId', row.run_id),
    trigger: row.trigger as QualityTrigger,
    state: row.state as QualityState,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: {
      passed: Number(row.passed),
      failed: Number(row.failed),
      notRun: Number(row.not_run),
      error: Number(row.errored),
    },
    results: jsonArray(row.results, 'quality results'),
    samples: jsonArray(row.samples, 'quality samples'),
    ...optional('error', row.error),
  };
}
