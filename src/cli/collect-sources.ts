import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import type { SourceFile } from '../spec/validate/index.js';
import { findWorkspaceRoot, listDocumentFiles, readBounded } from '../workspace/read-documents.js';

export interface CollectedSources {
  /** Every document read: the requested ones plus the rest of their workspace as context. */
  readonly sources: readonly SourceFile[];
  /** The display names of the documents the user asked about. */
  readonly reported: ReadonlySet<string>;
  readonly workspaceRoot: string | undefined;
}

/**
 * Turns command-line paths into documents to validate. Files named explicitly are read whatever
 * their suffix; folders are searched by suffix. When the paths sit in a workspace (a mesh.yaml at
 * or above them), the whole workspace is read too, so references resolve. File names are shown
 * relative to the current folder, the way compilers show them.
 */
export async function collectSources(
  paths: readonly string[],
  cwd: string,
  maxBytes: number,
): Promise<CollectedSources> {
  const targets = paths.length > 0 ? paths.map((p) => path.resolve(cwd, p)) : [cwd];
  const requested = new Set<string>();
  for (const target of targets) {
    const info = await stat(target).catch(() => undefined);
    if (info === undefined) throw new MeshplaneError('INVALID_INPUT', `no such file or folder: ${target}`);
    if (info.isDirectory()) for (const f of await listDocumentFiles(target)) requested.add(f);
    else requested.add(target);
  }
  const workspaceRoot = await findWorkspaceRoot(targets[0] as string);
  const all = new Set(requested);
  if (workspaceRoot !== undefined) for (const f of await listDocumentFiles(workspaceRoot)) all.add(f);

  const display = (absolute: string) => path.relative(cwd, absolute) || absolute;
  const sources = await Promise.all([...all].sort().map((f) => readBounded(f, display(f), maxBytes)));
  return { sources, reported: new Set([...requested].map(display)), workspaceRoot };
}
