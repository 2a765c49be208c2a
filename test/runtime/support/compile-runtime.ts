/**
 * Compiles the runtime to plain ESM in a temporary folder, for tests that run it in a child
 * process (`node` cannot run TypeScript, and `dist/` belongs to the build). The folder links the
 * repository's node_modules so that @duckdb/node-api resolves.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** Returns the folder; `<folder>/out/runtime/index.js` is the runtime's entry. */
export function compileRuntime(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-build-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: path.join(REPO, 'tsconfig.json'),
      compilerOptions: {
        noEmit: false,
        outDir: path.join(dir, 'out'),
        rootDir: path.join(REPO, 'src'),
        sourceMap: false,
      },
      files: [path.join(REPO, 'src/runtime/index.ts')],
      include: [],
    }),
  );
  // --noCheck: type errors are the typecheck step's business; this only needs the JavaScript.
  execFileSync(
    process.execPath,
    [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', dir, '--noCheck'],
    {
      stdio: 'pipe',
    },
  );
  return dir;
}
