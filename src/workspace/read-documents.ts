import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../spec/validate/index.js';
import { IGNORED_FOLDERS, isDocumentFile, MESH_FILE } from './document-files.js';

/** The nearest folder at or above `start` that holds a mesh.yaml, or undefined. */
export async function findWorkspaceRoot(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  const info = await stat(dir).catch(() => undefined);
  if (info?.isFile()) dir = path.dirname(dir);
  for (;;) {
    if (await stat(path.join(dir, MESH_FILE)).catch(() => undefined)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Every document file under `dir`, found by suffix, in a stable order. Symbolic links are not followed. */
export async function listDocumentFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && isDocumentFile(entry.name)) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

/**
 * Reads at most `maxBytes + 1` bytes of a file: enough for the loader to see that it is too large,
 * without ever holding a huge file in memory. `file` is the name shown to the user.
 */
export async function readBounded(absolute: string, file: string, maxBytes: number): Promise<SourceFile> {
  try {
    const handle = await open(absolute, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, maxBytes + 1);
      const bytes = new Uint8Array(length);
      let offset = 0;
      while (offset < length) {
        const { bytesRead } = await handle.read(bytes, offset, length - offset, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
      }
      return { file, bytes: bytes.subarray(0, offset) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { file, bytes: new Uint8Array(), readError: reason };
  }
}
