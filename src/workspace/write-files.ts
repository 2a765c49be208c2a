import { lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import type { TemplateFile } from './render-template.js';

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function target(root: string, path: string): string {
  const absolute = resolve(root, path);
  if (absolute !== root && !absolute.startsWith(root + sep)) {
    throw new MeshplaneError('INVALID_INPUT', `refusing to write '${path}': it is outside ${root}`);
  }
  return absolute;
}

/** Undoes a partial write: removes the files written and the folders created, newest first. */
async function rollBack(files: readonly string[], folders: readonly string[]): Promise<void> {
  for (const file of [...files].reverse()) await rm(file, { force: true });
  for (const folder of [...folders].reverse()) await rm(folder, { recursive: true, force: true });
}

/**
 * Writes new files under `root`, all or nothing. If any of them exists already, nothing is
 * written and INVALID_INPUT lists every one that exists. Each file is created exclusively (`wx`),
 * so a file that appears meanwhile is not overwritten either; a failure part way removes what this
 * call wrote. Returns the absolute paths written, in order.
 */
export async function writeNewFiles(root: string, files: readonly TemplateFile[]): Promise<string[]> {
  const base = resolve(root);
  const targets = files.map((f) => ({ path: target(base, f.path), text: f.text }));
  const taken: string[] = [];
  for (const t of targets) if (await exists(t.path)) taken.push(relative(base, t.path));
  if (taken.length > 0) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `refusing to overwrite existing files (nothing was written):\n${taken.map((p) => `  ${p}`).join('\n')}`,
      { details: { existing: taken } },
    );
  }
  const written: string[] = [];
  const created: string[] = [];
  try {
    for (const t of targets) {
      const first = await mkdir(dirname(t.path), { recursive: true });
      if (first !== undefined) created.push(first);
      await writeFile(t.path, t.text, { encoding: 'utf8', flag: 'wx' });
      written.push(t.path);
    }
  } catch (error) {
    await rollBack(written, created);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new MeshplaneError(
        'INVALID_INPUT',
        `a file appeared while writing; nothing was written (${String(error)})`,
      );
    }
    throw error;
  }
  return written;
}
