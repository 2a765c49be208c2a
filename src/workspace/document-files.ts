/** How Meshplane recognizes its documents by file name (DESIGN.md section 3). */
const SUFFIXES = ['.odcs.yaml', '.odcs.yml', '.odcs.json', '.odps.yaml', '.odps.yml', '.odps.json'] as const;
const NAMES = new Set(['mesh.yaml', 'mesh.yml', 'domain.yaml', 'domain.yml']);

/** Folders never searched for documents. */
export const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.meshplane', 'dist']);

export function isDocumentFile(name: string): boolean {
  return NAMES.has(name) || SUFFIXES.some((suffix) => name.endsWith(suffix));
}

export const MESH_FILE = 'mesh.yaml';
