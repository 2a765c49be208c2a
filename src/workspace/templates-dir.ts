import { fileURLToPath } from 'node:url';

/**
 * The `templates/` folder shipped with the package. This file is `src/workspace/templates-dir.ts`
 * under Vitest and `dist/workspace/templates-dir.js` once built: two levels below the package root
 * either way, so one relative URL serves both.
 */
export function bundledTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}
