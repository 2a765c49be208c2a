import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './cli.js';

/** `../shared` beside the repository: the official standards and the contract corpus. */
export const sharedDir = path.resolve(repoRoot, '../shared');

/**
 * Whether `../shared/<sub>` is there. When it is not, a test says SKIPPED loudly, and fails
 * instead when MESHPLANE_REQUIRE_SERVICES=1 (as in CI).
 */
export function sharedAvailable(sub: string): boolean {
  if (existsSync(path.join(sharedDir, sub))) return true;
  if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') {
    throw new Error(`${path.join(sharedDir, sub)} is required (MESHPLANE_REQUIRE_SERVICES=1)`);
  }
  console.warn(`SKIPPED: ${path.join(sharedDir, sub)} not found; tests that read it are skipped`);
  return false;
}
