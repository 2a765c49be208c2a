import { lstat, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { MeshplaneError } from '../errors/index.js';
import type { NamingConvention } from '../spec/model/mesh.js';
import { MESH_FILE } from '../workspace/document-files.js';
import { addDomainToMesh, readMeshSummary } from '../workspace/mesh-file.js';
import { writeNewFiles } from '../workspace/write-files.js';
import type { ImportedProduct } from './tables-to-products.js';

/** What the workspace says about the domain an import writes into. */
export interface ImportTarget {
  readonly root: string;
  readonly domain: string;
  /** The domain's owner team, or the mesh's first team when the domain is new. */
  readonly team: string;
  /** False when mesh.yaml does not declare the domain yet: the write adds it. */
  readonly domainDeclared: boolean;
  readonly convention: NamingConvention;
}

const CONVENTIONS: readonly NamingConvention[] = [
  'snake_case',
  'camelCase',
  'PascalCase',
  'kebab-case',
  'any',
];

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Reads mesh.yaml for the owner team and naming convention of `domain`. */
export async function readImportTarget(root: string, domain: string): Promise<ImportTarget> {
  const meshPath = join(root, MESH_FILE);
  const text = await readFile(meshPath, 'utf8');
  const mesh = readMeshSummary(text, meshPath);
  const owner = mesh.domains.get(domain);
  const team = owner || mesh.teams[0];
  if (team === undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${meshPath} declares no team to own domain '${domain}': add one under 'teams'`,
    );
  }
  const declared = (parse(text) as { conventions?: { physicalNames?: unknown } } | null)?.conventions
    ?.physicalNames;
  const convention = CONVENTIONS.find((c) => c === declared) ?? 'snake_case';
  return { root, domain, team, domainDeclared: owner !== undefined, convention };
}

/** What an import wrote, relative to the workspace root. */
export interface WriteImportResult {
  readonly files: readonly string[];
  readonly domainAdded: boolean;
}

/**
 * Writes imported products into the workspace, all or nothing: if any product folder exists
 * already, nothing is written and INVALID_INPUT names every one of them; the files themselves are
 * created exclusively and a failure part way removes what was written (`writeNewFiles`). When the
 * domain is new, mesh.yaml gets it (owned by the target's team) after the files are in place.
 */
export async function writeImport(
  target: ImportTarget,
  products: readonly ImportedProduct[],
): Promise<WriteImportResult> {
  const existing: string[] = [];
  for (const p of products) if (await exists(join(target.root, p.folder))) existing.push(p.folder);
  if (existing.length > 0) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `product folder${existing.length === 1 ? '' : 's'} already exist${existing.length === 1 ? 's' : ''} (nothing was written): ${existing.join(', ')}`,
      { details: { existing } },
    );
  }
  const meshPath = join(target.root, MESH_FILE);
  // Computed before anything is written, so a mesh.yaml that cannot take the domain fails cleanly.
  const newMesh = target.domainDeclared
    ? undefined
    : addDomainToMesh(
        await readFile(meshPath, 'utf8'),
        {
          name: target.domain,
          description: `${target.domain} domain (added by \`meshplane import\`; describe it).`,
          ownerTeam: target.team,
        },
        meshPath,
      );
  const files = products.flatMap((p) => p.files);
  await writeNewFiles(target.root, files);
  if (newMesh !== undefined) await writeFile(meshPath, newMesh);
  return { files: files.map((f) => f.path), domainAdded: newMesh !== undefined };
}
