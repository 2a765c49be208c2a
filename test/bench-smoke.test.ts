import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

// The benchmarks are not timed here (bench/README.md); this only keeps them runnable, on a tiny size.
describe('bench/validate', () => {
  it('runs on a small generated workspace that the validator accepts, and prints its ratio', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'bench/validate.mjs'), '--products=5', '--rounds=1'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ratio meshplane \/ reference: \d+\.\d+x throughput/);
  });
});
