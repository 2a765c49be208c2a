/**
 * Runs an output port version's contract quality rules against its table in a DuckDB hub where
 * the product's file is attached as `p_<id>` (the runtime's hub, or a scratch one holding sample
 * data), in one read-only snapshot.
 */
import type { DuckDBDriver } from '../../engines/duckdb/index.js';
import type { RuntimeOutputPort } from '../../runtime/index.js';
import { OUTPUT_SCHEMA, productAlias } from '../../runtime/storage-layout.js';
import type { Property, SchemaObject } from '../../spec/model/data-contract.js';
import { type CheckReport, runDuckDBChecks } from '../checks/index.js';

/** Whether a schema object declares quality rules, on itself or on any property (nested too). */
export function hasQualityRules(object: SchemaObject): boolean {
  const inProperty = (p: Property): boolean =>
    p.quality.length > 0 || p.properties.some(inProperty) || (p.items !== undefined && inProperty(p.items));
  return object.quality.length > 0 || object.properties.some(inProperty);
}

/** Where an output port version's table (or view) is in the hub: `[p_<id>, main, <key>]`. */
export function outputTable(productId: string, portKey: string): readonly string[] {
  return [productAlias(productId), OUTPUT_SCHEMA, portKey];
}

export interface CheckOutputPortOptions {
  /** Rows per failing-rule sample (0 to 100; default 10). */
  readonly sampleLimit?: number;
  readonly signal?: AbortSignal;
}

/**
 * The quality report of one output port version's table. A rule that cannot be measured is an
 * `error` result; the run as a whole rejects only when cancelled or given bad options.
 */
export function checkOutputPort(
  hub: DuckDBDriver,
  productId: string,
  port: Pick<RuntimeOutputPort, 'name' | 'schema'>,
  options: CheckOutputPortOptions = {},
): Promise<CheckReport> {
  return hub.withSession((session) =>
    runDuckDBChecks(session, port.schema, {
      table: outputTable(productId, port.name),
      ...(options.sampleLimit === undefined ? {} : { sampleLimit: options.sampleLimit }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    }),
  );
}
