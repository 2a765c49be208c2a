import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import { MESH_FILE } from './document-files.js';
import { checkMeshName, suggestName } from './names.js';
import { withGitignoreLine, workspaceFiles } from './workspace-files.js';
import { writeNewFiles } from './write-files.js';

/** What `meshplane init` did. */
export interface InitResult {
  readonly root: string;
  readonly name: string;
  /** Files created, relative to the root. */
  readonly created: readonly string[];
  /** Files that existed and were extended (.gitignore). */
  readonly updated: readonly string[];
  /** Files that existed and were left alone (README.md). */
  readonly kept: readonly string[];
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The mesh name for a folder: its own name, made valid (`My Shop` → `my-shop`). */
export function defaultMeshName(root: string): string {
  return suggestName(basename(root), '-') || 'mesh';
}

/**
 * Creates a workspace in `dir` (made if missing). Refuses a folder that already has a mesh.yaml.
 * A README.md that exists is kept and an existing .gitignore gets the `.meshplane/` line, so
 * `init` can run in a repository that already has both.
 */
export async function initWorkspace(dir: string, name?: string): Promise<InitResult> {
  const root = resolve(dir);
  const meshName = checkMeshName(name ?? defaultMeshName(root));
  if ((await readIfExists(join(root, MESH_FILE))) !== undefined) {
    throw new MeshplaneError('INVALID_INPUT', `${root} is already a workspace: it has a ${MESH_FILE}`);
  }
  await mkdir(root, { recursive: true });
  const toCreate = [];
  const updated: string[] = [];
  const kept: string[] = [];
  let gitignore: string | undefined;
  for (const file of workspaceFiles(meshName)) {
    const existing = await readIfExists(join(root, file.path));
    if (existing === undefined) toCreate.push(file);
    else if (file.path === '.gitignore') {
      const extended = withGitignoreLine(existing);
      if (extended === undefined) kept.push(file.path);
      else {
        gitignore = extended;
        updated.push(file.path);
      }
    } else if (file.path === 'README.md') kept.push(file.path);
    else toCreate.push(file); // the writer refuses it and names it
  }
  await writeNewFiles(root, toCreate);
  if (gitignore !== undefined) await writeFile(join(root, '.gitignore'), gitignore);
  return { root, name: meshName, created: toCreate.map((f) => f.path), updated, kept };
}
