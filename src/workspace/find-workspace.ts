import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import { MESH_FILE } from './document-files.js';
import { findWorkspaceRoot } from './read-documents.js';

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * The workspace a command works in: `explicit` (resolved against `cwd`), which must hold a
 * mesh.yaml, or else the nearest one at or above `cwd`. Throws INVALID_INPUT saying what to do.
 */
export async function resolveWorkspace(cwd: string, explicit?: string): Promise<string> {
  if (explicit !== undefined) {
    const root = resolve(cwd, explicit);
    if (await isFile(join(root, MESH_FILE))) return root;
    throw new MeshplaneError('INVALID_INPUT', `${root} is not a workspace: it has no ${MESH_FILE}`);
  }
  const found = await findWorkspaceRoot(cwd);
  if (found !== undefined) return found;
  throw new MeshplaneError(
    'INVALID_INPUT',
    `no ${MESH_FILE} in ${resolve(cwd)} or any folder above it: run \`meshplane init\` first, or pass --workspace DIR`,
  );
}
