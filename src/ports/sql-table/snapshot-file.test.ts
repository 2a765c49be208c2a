import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../engines/column-spec.js';
import type { Row } from '../../engines/engine.js';
import { writeSnapshotFile } from './snapshot-file.js';

const columns: ColumnSpec[] = [{ name: 'n', sqlType: 'INTEGER', kind: 'integer', required: true }];
let dir: string | undefined;

afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function* batches(count: number, size: number): AsyncGenerator<readonly Row[]> {
  for (let b = 0; b < count; b += 1)
    yield Array.from({ length: size }, (_, i) => ({ n: String(b * size + i) }));
}

describe('writeSnapshotFile', () => {
  it('writes one NDJSON line per row and reports rows, bytes and hash', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'meshplane-snapshot-test-'));
    const file = path.join(dir, 'a.ndjson');
    const written = await writeSnapshotFile(batches(3, 2), file, columns);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe('{"n":"0"}\n{"n":"1"}\n{"n":"2"}\n{"n":"3"}\n{"n":"4"}\n{"n":"5"}\n');
    expect(written).toEqual({
      path: file,
      rows: 6,
      bytes: text.length,
      contentHash: createHash('sha256').update(text).digest('hex'),
    });
  });

  it('writes an empty file for an empty table, and stops the source when the disk fails', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'meshplane-snapshot-test-'));
    expect(await writeSnapshotFile(batches(0, 0), path.join(dir, 'e.ndjson'), columns)).toMatchObject({
      rows: 0,
      bytes: 0,
    });
    let stopped = false;
    async function* source(): AsyncGenerator<readonly Row[]> {
      try {
        for (;;) yield [{ n: '1' }];
      } finally {
        stopped = true;
      }
    }
    await expect(writeSnapshotFile(source(), path.join(dir, 'missing', 'x.ndjson'), columns)).rejects.toThrow(
      /ENOENT/,
    );
    expect(stopped).toBe(true);
  });
});
