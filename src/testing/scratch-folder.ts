import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Runs `fn` with a fresh folder under `parent` (the OS temp folder) and removes the folder
 * afterwards, whether `fn` resolved or threw.
 */
export async function withScratchFolder<T>(parent: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(parent, 'meshplane-test-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}
