import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
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

/** A loopback port nothing listens on (it was free a moment ago). */
function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

describe('bench/quality', () => {
  it('runs 20 rules on small generated tables of each engine, gets every verdict right, and prints both ratios per table', async () => {
    const { pgUrl, postgresUnavailable } = await import('./engines/support/sql-servers.js');
    const why = await postgresUnavailable();
    if (why !== undefined) {
      if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') throw new Error(why);
      console.warn(`\n*** SKIPPED: bench/quality, its PostgreSQL part: ${why} ***\n`);
    }
    const engines = why === undefined ? ['duckdb', 'postgres'] : ['duckdb'];
    const run = bench('quality.mjs', [
      '--rows=20000',
      '--pg-rows=20000',
      '--rounds=1',
      `--engine=${engines.join(',')}`,
      `--pg-url=${pgUrl()}`,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const engine of engines) {
      const part = run.stdout.split(/^(?=\w+: \d+ rows)/m).find((p) => p.startsWith(`${engine}:`)) ?? '';
      expect(part).toMatch(new RegExp(`^${engine}: 20000 rows of 11 columns; `));
      expect(part).toMatch(
        /with PRIMARY KEY \(id\): verdicts 17 passed, 3 failed, all as expected; 2 answered by the table's constraints/,
      );
      expect(part).toMatch(/no constraint: verdicts 17 passed, 3 failed, all as expected; 0 answered/);
      expect(part).toMatch(
        /statements sent by meshplane: 2 \(the table's constraints, then one scan for the 18 of 20 rules\)/,
      );
      expect(part).toMatch(
        /statements sent by meshplane: 2 \(the table's constraints, then one scan for all 20 rules\)/,
      );
      expect(part.match(/ratio a\/b: \d+\.\d+x \(target <= 1\.5x: (met|MISSED)\)/g)).toHaveLength(2);
      expect(part.match(/ratio c\/a: \d+\.\d+x \(target >= 5x: (met|MISSED)\)/g)).toHaveLength(2);
    }
    if (why !== undefined) expect(run.stdout).not.toMatch(/^postgres:/m);
  }, 120_000);

  it('stops with a clear line and exit code 1 when PostgreSQL is unreachable, before generating anything', async () => {
    const port = await freePort();
    const url = `postgres://postgres@127.0.0.1:${port}/test`;
    const run = bench('quality.mjs', ['--rows=20', `--pg-url=${url}`]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^bench/quality: PostgreSQL at postgres://postgres@127\\.0\\.0\\.1:${port}/test is unreachable \\(.+\\); start one or pass --engine=duckdb\\n$`,
      ),
    );
  }, 60_000);
});

describe('bench/ingest-stream', () => {
  it('pushes a few batches through a served http-push port, reads the same events from a NATS JetStream port, and prints both ratios against DuckDB', async () => {
    const { NATS_URL, natsUnavailable } = await import('./streams/nats-support.js');
    const why = await natsUnavailable();
    if (why !== undefined) {
      if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') throw new Error(why);
      console.warn(`\n*** SKIPPED: bench/ingest-stream, its NATS part: ${why} ***\n`);
    }
    const nats = why === undefined ? `--nats-url=${NATS_URL}` : '--nats=false';
    const run = bench('ingest-stream.mjs', ['--events=3000', '--batch=500', '--clients=1,3', nats]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const clients of [1, 3]) {
      expect(run.stdout).toMatch(
        new RegExp(`meshplane http-push, ${clients} clients\\s+\\d+\\.\\d ms\\s+\\d+ events/s`),
      );
      expect(run.stdout).toMatch(
        new RegExp(`ratio meshplane http-push \\(${clients} clients\\) / reference: \\d+\\.\\d+x throughput`),
      );
    }
    expect(run.stdout).toMatch(
      /target: 100000 events\/s on 2 cores; measured \d+ \(1 clients\), \d+ \(3 clients\): (met|MISSED)/,
    );
    if (why === undefined) {
      expect(run.stdout).toMatch(/meshplane nats \(committed\)\s+\d+\.\d ms\s+\d+ events\/s/);
      expect(run.stdout).toMatch(/ratio meshplane nats \/ reference: \d+\.\d+x throughput/);
      expect(run.stdout).toMatch(
        /nats: fetch batches of 500, stream MESHPLANE_BENCH_\w+ filled beforehand \(3000 publishes/,
      );
    } else {
      expect(run.stdout).not.toMatch(/meshplane nats/);
    }
  }, 180_000);

  it('stops with a clear line and exit code 1 when NATS is unreachable, before starting anything', async () => {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    const run = bench('ingest-stream.mjs', ['--events=10', `--nats-url=nats://127.0.0.1:${port}`]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^bench/ingest-stream: NATS JetStream at nats://127\\.0\\.0\\.1:${port} is unreachable \\(.+\\); start one \\(nats-server -js\\) or pass --nats=false\\n$`,
      ),
    );
  }, 60_000);
});

const cdcUnavailable = (await import('./support/private-postgres.js')).privatePostgresUnavailable();
if (cdcUnavailable !== undefined) {
  if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') throw new Error(`bench/cdc: ${cdcUnavailable}`);
  console.warn(`\n*** SKIPPED: bench/cdc: ${cdcUnavailable} ***\n`);
}

describe.skipIf(cdcUnavailable !== undefined)('bench/cdc', () => {
  it('streams a few hundred changes from a private PostgreSQL through a served postgres-cdc port and prints the lag, rate and target', () => {
    const run = bench('cdc.mjs', ['--rate=200', '--seconds=2', '--batch-rows=50']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^bench\/cdc: 400 changes \(\d+ rows inserted, the rest updates\) at 200 changes\/s/,
    );
    expect(run.stdout).toMatch(/^ {2}writer: 400 changes in \d+\.\d s, \d+ changes\/s$/m);
    const lag = run.stdout.match(
      /^ {2}lag change -> visible: p50 +(\d+) ms {2}p90 +(\d+) ms {2}p99 +(\d+) ms {2}max +(\d+) ms$/m,
    );
    const [p50, p90, p99, max] = (lag ?? []).slice(1).map(Number);
    expect(lag).not.toBeNull();
    expect(p50).toBeLessThanOrEqual(p90 ?? -1);
    expect(p90).toBeLessThanOrEqual(p99 ?? -1);
    expect(p99).toBeLessThanOrEqual(max ?? -1);
    // batchRows 50: the 400 changes are stored in several commits, each seen by the poller.
    const commits = run.stdout.match(/^ {2}sustained: \d+ changes\/s visible, in (\d+) commits seen$/m);
    expect(Number(commits?.[1])).toBeGreaterThan(1);
    expect(run.stdout).toMatch(
      /^ {2}target: p50 < 500 ms at 1000 changes\/s; measured p50 \d+ ms: (met|MISSED|not comparable .+)$/m,
    );
  }, 120_000);
});
