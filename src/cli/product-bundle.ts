import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import type { DeployBundle } from '../registry/deploy-bundle.js';
import { isDocumentFile } from '../workspace/document-files.js';

/** Data, samples and generated files stay home: only what defines the product travels. */
const SKIPPED_FOLDERS = new Set(['data', 'tests', 'node_modules', '.git', '.meshplane']);
const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;

/** Reads the documents (`*.odps.yaml`, `*.odcs.yaml`) and SQL files of a product folder. */
export async function readProductBundle(folder: string): Promise<DeployBundle> {
  const root = path.resolve(folder);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new MeshplaneError('INVALID_INPUT', `${folder} is not a product folder`);
  const files: { path: string; content: string }[] = [];
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && (isDocumentFile(entry.name) || entry.name.endsWith('.sql'))) {
        const content = await readFile(full, 'utf8');
        total += Buffer.byteLength(content);
        if (total > MAX_BUNDLE_BYTES) {
          throw new MeshplaneError(
            'INVALID_INPUT',
            `the product's documents exceed ${MAX_BUNDLE_BYTES} bytes`,
          );
        }
        files.push({ path: path.relative(root, full).split(path.sep).join('/'), content });
      }
    }
  }
  if (!files.some((f) => f.path.endsWith('.odps.yaml') || f.path.endsWith('.odps.yml'))) {
    throw new MeshplaneError('INVALID_INPUT', `${folder} holds no product descriptor (*.odps.yaml)`);
  }
  return { root, files: files.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
