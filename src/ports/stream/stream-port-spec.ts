import type { ColumnSpec } from '../../engines/column-spec.js';
import { MeshplaneError } from '../../errors/index.js';
import { primaryKey } from '../../runtime/contract-columns.js';
import type { StoredInputPort } from '../../runtime/runtime-product.js';
import { parseDuration } from '../port-duration.js';

/** Bounds of one batch: a source or a committer that sends more is refused, nothing stored. */
export interface StreamLimits {
  readonly maxRecords: number;
  /** Bytes of the batch's records as JSON. */
  readonly maxBytes: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = Object.freeze({
  maxRecords: 100_000,
  maxBytes: 64 * 1024 * 1024,
});

/** What the sink of one streamed input port needs: the input table's columns, its merge key, its bounds. */
export interface StreamPortSpec extends StreamLimits {
  readonly port: string;
  /**
   * How long a stored key makes a resend a duplicate (the port's `dedupWindow` setting, default 7
   * days); undefined: forever. Older keys are pruned, so the keys table stays bounded.
   */
  readonly dedupWindowMs: number | undefined;
  readonly columns: readonly ColumnSpec[];
  /** The input contract's primary key (physical names), by which `upsert` and `delete` merge. */
  readonly primaryKey: readonly string[];
}

export const DEFAULT_DEDUP_WINDOW_MS = 7 * 86_400_000;

/** The port's `dedupWindow` (`7d`, `12h`, `forever`) in ms; undefined for forever. */
function dedupWindow(port: StoredInputPort): number | undefined {
  const value = port.settings.dedupWindow;
  if (value === undefined) return DEFAULT_DEDUP_WINDOW_MS;
  if (value === 'forever') return undefined;
  const ms = typeof value === 'string' ? parseDuration(value) : undefined;
  if (ms === undefined || ms < 1000) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `input port ${port.name}: meshplane.port dedupWindow must be a duration of at least 1s (such as 7d, 12h, 30m) or 'forever', not ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

/** The input port kinds fed record by record (by a StreamSource or HTTP push), not by a run. */
export function isStreamedKind(kind: string): boolean {
  return kind !== 'files' && kind !== 'sql-table';
}

/** The sink spec of a stored input port; the primary key names only columns the contract has. */
export function streamPortSpec(port: StoredInputPort, limits: Partial<StreamLimits> = {}): StreamPortSpec {
  const names = new Set(port.columns.map((c) => c.name));
  const key = primaryKey(port.schema).filter((name) => names.has(name));
  const spec = { ...DEFAULT_STREAM_LIMITS, ...limits };
  if (!(spec.maxRecords > 0 && spec.maxBytes > 0)) {
    throw new MeshplaneError('INVALID_INPUT', `input port ${port.name}: stream limits must be positive`);
  }
  return Object.freeze({
    port: port.name,
    columns: port.columns,
    primaryKey: key,
    dedupWindowMs: dedupWindow(port),
    ...spec,
  });
}
