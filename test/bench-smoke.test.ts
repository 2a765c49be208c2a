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

/** Runs `bench/<script>` with `args` on the built dist/ and returns its exit status and output. */
function bench(script: string, args: readonly string[]) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'bench', script), ...args], {
    encoding: 'utf8',
    timeout: 150_000,
  });
}

describe('bench/ingest-files', () => {
  it('ingests a tiny CSV, NDJSON and Parquet file both ways and prints a ratio per format', () => {
    const run = bench('ingest-files.mjs', ['--rows=2000', '--rounds=1']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const format of ['csv', 'ndjson', 'parquet'])
      expect(run.stdout).toMatch(new RegExp(`^  ${format} \\(`, 'm'));
    expect(run.stdout.match(/ratio meshplane \/ reference: \d+\.\d+x throughput/g)).toHaveLength(3);
  }, 180_000);
});

describe('bench/time-to-product', () => {
  it('goes from meshplane new to the first query with rows once, and prints the total and the CLI share', () => {
    const run = bench('time-to-product.mjs', ['--starts=1']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/meshplane query \(first rows: [1-9]\d*, \d+ attempt\(s\)\)/);
    expect(run.stdout).toMatch(/total, new to first rows\s+\d+ ms/);
    expect(run.stdout).toMatch(/CLI start-up share: \d+ meshplane starts x \d+ ms/);
  }, 180_000);
});

describe('bench/compat', () => {
  it('compares a small generated contract schema and prints a ratio against Ajv compiling it', () => {
    const run = bench('compat.mjs', ['--rounds=1', '--sizes=50', '--round-ms=100']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}50 properties +\d+ +\d+ +\d+\.\d+x$/m);
  }, 120_000);
});

describe('bench/ingest-stream', () => {
  it('pushes a few batches through a served http-push port and appends them with DuckDB, printing the ratio and target', () => {
    const run = bench('ingest-stream.mjs', ['--events=3000', '--batch=500', '--clients=2']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/meshplane http-push \(acked\)\s+\d+\.\d ms\s+\d+ events\/s/);
    expect(run.stdout).toMatch(/ratio meshplane \/ reference: \d+\.\d+x throughput/);
    expect(run.stdout).toMatch(/target: 100000 events\/s on 2 cores/);
  }, 180_000);
});
