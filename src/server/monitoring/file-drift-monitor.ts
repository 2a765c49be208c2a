/**
 * Schema drift at file sources: the newest file a files input port would read, described by
 * DuckDB (a CSV's header, a Parquet file's footer; neither reads the data), against the columns
 * the port's contract expects. A `schema.drift` condition per input port: a removed column or a
 * changed type (Parquet only: CSV is read as text) opens, a file with the expected columns
 * clears; added columns are reported but break nothing. JSON files and header-less CSV carry no
 * column list of their own and are not checked; sql-table and CDC sources would need a
 * connection to the source on every look and are not checked either.
 */
import { type DuckDBDriver, describeReaderSql, readFileSql } from '../../engines/duckdb/index.js';
import { filePortSpec, findFiles, readOptionsFor } from '../../ports/files/index.js';
import {
  type ColumnShape,
  conditionObserved,
  contractColumns,
  schemaDrift,
} from '../../quality/monitors/index.js';
import { isStoredInput, type RuntimeProduct, type StoredInputPort } from '../../runtime/index.js';
import type { IncidentService } from './incident-service.js';

/** The incident monitor name of schema drift; the subject is the input port's name. */
export const SCHEMA_DRIFT = 'schema.drift';

/** Columns described per file version; a file is described again only when it changes. */
const MAX_REMEMBERED = 1_000;

/** The columns of the newest file of a port, remembered per file version. */
export class FileColumns {
  readonly #hub: DuckDBDriver;
  readonly #seen = new Map<string, { file: string; columns: ColumnShape[]; typed: boolean } | undefined>();

  constructor(hub: DuckDBDriver) {
    this.#hub = hub;
  }

  /** The newest settled file of the port and its columns; undefined when there is none or it cannot be described. */
  async newest(
    product: RuntimeProduct,
    input: StoredInputPort,
  ): Promise<{ file: string; columns: ColumnShape[]; typed: boolean } | undefined> {
    const spec = filePortSpec(input, product.dir);
    const files = await this.#hub.withSession((s) =>
      findFiles(s, spec.glob, { settleMs: 0, now: Date.now() }),
    );
    const file = files.reduce<(typeof files)[number] | undefined>(
      (newest, f) => (newest === undefined || f.mtimeMs > newest.mtimeMs ? f : newest),
      undefined,
    );
    if (file === undefined) return undefined;
    const version = `${file.path}\u0000${file.mtimeUs}\u0000${file.size}`;
    if (this.#seen.has(version)) return this.#seen.get(version);
    const options = readOptionsFor(spec, file.path);
    let described: { file: string; columns: ColumnShape[]; typed: boolean } | undefined;
    if (
      options !== undefined &&
      (options.format === 'parquet' || (options.format === 'csv' && options.header))
    ) {
      try {
        const rows = await this.#hub.query(describeReaderSql(readFileSql(file.path, options, spec.columns)));
        described = {
          file: file.path,
          columns: rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) })),
          typed: options.format === 'parquet',
        };
      } catch {
        // A file DuckDB cannot read is the ingest's to report (it is quarantined or failed there).
        described = undefined;
      }
    }
    if (this.#seen.size >= MAX_REMEMBERED) this.#seen.clear();
    this.#seen.set(version, described);
    return described;
  }
}

export interface DriftDeps {
  readonly files: FileColumns;
  readonly incidents: Pick<IncidentService, 'observe'>;
}

/** Checks every files input port of the product; returns the alerts sent. */
export async function checkFileDrift(deps: DriftDeps, product: RuntimeProduct, now: Date): Promise<number> {
  let alerts = 0;
  for (const input of product.inputs) {
    if (!isStoredInput(input) || input.kind !== 'files') continue;
    const found = await deps.files.newest(product, input);
    if (found === undefined) continue;
    const drift = schemaDrift(contractColumns(input.schema), found.columns, {
      types: found.typed ? 'family' : 'ignore',
    });
    const outcome = await deps.incidents.observe(
      conditionObserved(
        { product: product.id, monitor: SCHEMA_DRIFT, subject: input.name },
        drift.breaking,
        {
          message: `input port ${input.name}: ${drift.message} (${found.file})`,
          facts: {
            port: input.name,
            file: found.file,
            removed: drift.removed.map((c) => c.name).join(', '),
            typeChanged: drift.typeChanged.map((c) => `${c.name} ${c.expected} → ${c.actual}`).join(', '),
            added: drift.added.map((c) => c.name).join(', '),
          },
        },
        now.toISOString(),
      ),
      input.name,
    );
    alerts += outcome.alerts.length;
  }
  return alerts;
}
