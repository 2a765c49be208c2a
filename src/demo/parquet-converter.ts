import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { MeshplaneError } from '../errors/index.js';

/** A column of a Parquet file: its name and DuckDB type. */
export interface ParquetColumn {
  readonly name: string;
  readonly type: string;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Turns NDJSON files into Parquet with an in-memory DuckDB, typed by the contract's columns so the
 * file's schema does not depend on what the sample of rows happens to hold. DuckDB starts on first
 * use; close it when done.
 */
export class ParquetConverter {
  private connection: Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> | undefined;

  private connect() {
    this.connection ??= (async () => {
      const instance = await DuckDBInstance.create(':memory:');
      return { instance, connection: await instance.connect() };
    })();
    return this.connection;
  }

  /** Writes `ndjsonPath`'s rows to `parquetPath`, in order. */
  async convert(ndjsonPath: string, parquetPath: string, columns: readonly ParquetColumn[]): Promise<void> {
    const { connection } = await this.connect();
    const types = columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
    const sql = `COPY (SELECT * FROM read_json(${literal(ndjsonPath)}, format = 'newline_delimited', columns = {${types}})) TO ${literal(parquetPath)} (FORMAT parquet)`;
    try {
      await connection.run(sql);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new MeshplaneError('ENGINE_ERROR', `DuckDB could not write ${parquetPath}: ${message}`, {
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    if (this.connection === undefined) return;
    const { instance, connection } = await this.connection;
    this.connection = undefined;
    connection.closeSync();
    instance.closeSync();
  }
}
