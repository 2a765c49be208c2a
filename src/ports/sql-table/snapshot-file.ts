import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { ColumnSpec } from '../../engines/column-spec.js';
import type { Row } from '../../engines/engine.js';
import { snapshotRecord } from './snapshot-record.js';

/** What was written: the row count, the size and the SHA-256 of the NDJSON bytes. */
export interface SnapshotFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
  readonly contentHash: string;
}

/**
 * Writes the batches to `path` as NDJSON, one batch at a time, waiting for the disk when it is
 * slower than the source: memory holds one batch, whatever the table's size.
 */
export async function writeSnapshotFile(
  batches: AsyncIterable<readonly Row[]>,
  path: string,
  columns: readonly ColumnSpec[],
): Promise<SnapshotFile> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  // A disk error surfaces through `finished` below, never as an unhandled 'error' event.
  out.on('error', () => {});
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  try {
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      const text = `${batch.map((row) => snapshotRecord(row, columns)).join('\n')}\n`;
      hash.update(text);
      bytes += Buffer.byteLength(text);
      rows += batch.length;
      const flowing = out.write(text);
      if (out.errored !== null) throw out.errored;
      if (!flowing) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { path, rows, bytes, contentHash: hash.digest('hex') };
}
