import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileSink } from './file-sink.js';
import type { ParquetColumn, ParquetConverter } from './parquet-converter.js';

/** A file being written. It appears under its name only when closed, complete. */
export interface OutputFile {
  /** See FileSink.write: await the promise when there is one. */
  write(text: string): Promise<void> | undefined;
  close(): Promise<void>;
  /** Stops and removes what was written. */
  abort(): Promise<void>;
}

/** Suffix of a file being written; never matched by a contract's glob, so readers never see it. */
export const PARTIAL_SUFFIX = '.partial';

/** A text file written as `<name>.partial` and renamed over `filePath` when complete. */
export function openTextFile(filePath: string): OutputFile {
  const partial = `${filePath}${PARTIAL_SUFFIX}`;
  const sink = new FileSink(partial);
  return {
    write: (text) => sink.write(text),
    close: async () => {
      await sink.close();
      await rename(partial, filePath);
    },
    abort: async () => {
      await sink.abort();
      await rm(partial, { force: true });
    },
  };
}

/** A Parquet file: NDJSON lines go to a temporary file that DuckDB converts on close. */
export async function openParquetFile(
  filePath: string,
  columns: readonly ParquetColumn[],
  converter: ParquetConverter,
): Promise<OutputFile> {
  const dir = await mkdtemp(path.join(tmpdir(), 'meshplane-demo-'));
  const ndjson = path.join(dir, 'rows.ndjson');
  const partial = `${filePath}${PARTIAL_SUFFIX}`;
  const sink = new FileSink(ndjson);
  const cleanUp = () => rm(dir, { recursive: true, force: true });
  return {
    write: (text) => sink.write(text),
    close: async () => {
      try {
        await sink.close();
        await converter.convert(ndjson, partial, columns);
        await rename(partial, filePath);
      } finally {
        await cleanUp();
      }
    },
    abort: async () => {
      await sink.abort();
      await Promise.all([cleanUp(), rm(partial, { force: true })]);
    },
  };
}
