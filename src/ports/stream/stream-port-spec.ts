import type { ColumnSpec } from '../../engines/column-spec.js';
import { MeshplaneError } from '../../errors/index.js';
import { primaryKey } from '../../runtime/contract-columns.js';
import type { StoredInputPort } from '../../runtime/runtime-product.js';

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
  readonly columns: readonly ColumnSpec[];
  /** The input contract's primary key (physical names), by which `upsert` and `delete` merge. */
  readonly primaryKey: readonly string[];
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
  return Object.freeze({ port: port.name, columns: port.columns, primaryKey: key, ...spec });
}
