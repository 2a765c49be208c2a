/**
 * Batch ingest throughput against DuckDB's own COPY of the same file into a typed table, in the
 * same run (DESIGN.md section 10: at least 0.5x). 200k rows by default so the suite stays quick;
 * MESHPLANE_BENCH_ROWS=1000000 for the published figure. Asserts only a loose floor (0.25x):
 * shared CI machines are noisy.
 */
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ORDERS_DIR, salesMesh } from './support/sales-mesh.js';
import { makeWorkspace, openMesh, removeWorkspace } from './support/workspace.js';

const ROWS = Number(process.env.MESHPLANE_BENCH_ROWS ?? 200_000);
const ROUNDS = 3;
let template: string;
let csv: string;

beforeAll(async () => {
  template = makeWorkspace(salesMesh());
  const mesh = await openMesh(template);
  mkdirSync(path.join(template, ORDERS_DIR, 'data/orders'), { recursive: true });
  csv = path.join(template, 'orders.csv');
  // One row in a thousand breaks the contract, so the quarantine path is exercised too.
  await mesh.runtime.hub.run(
    `COPY (SELECT CASE WHEN range % 1000 = 7 THEN 'bad' ELSE 'O-' || range END AS order_id, 1 + range % 9 AS quantity,
            round(1 + (range % 5000) / 100, 2) AS price, CASE WHEN range % 2 = 0 THEN 'placed' ELSE 'paid' END AS status,
            TIMESTAMP '2025-01-01' + INTERVAL (range % 86400) SECOND AS ordered_at, 'n' || (range % 100) AS note
          FROM range(${ROWS})) TO '${csv}' (HEADER)`,
  );
  await mesh.runtime.close();
}, 120_000);

afterAll(() => removeWorkspace(template));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

it(`ingests a ${ROWS}-row CSV, validated, at a fair fraction of DuckDB's COPY`, async () => {
  const copyMs: number[] = [];
  const ingestMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const root = makeWorkspace({});
    cpSync(template, root, { recursive: true });
    const mesh = await openMesh(root);
    try {
      const hub = mesh.runtime.hub;
      await hub.attach('reference', path.join(root, 'reference.duckdb'));
      await hub.run(
        `CREATE TABLE reference.main.t (order_id VARCHAR NOT NULL, quantity INTEGER NOT NULL, price DECIMAL(10,2) NOT NULL,
           status VARCHAR, ordered_at TIMESTAMP NOT NULL, note VARCHAR)`,
      );
      let started = performance.now();
      await hub.run(`COPY reference.main.t FROM '${csv}' (HEADER)`);
      copyMs.push(performance.now() - started);

      cpSync(csv, path.join(root, ORDERS_DIR, 'data/orders/orders.csv'));
      started = performance.now();
      const result = await mesh.runtime.runProduct(mesh.product('sales.orders'), { trigger: 'test' });
      const ingest = result.ingests.find((i) => i.port === 'raw_orders')?.result;
      ingestMs.push(ingest?.durationMs ?? Number.NaN);
      expect(ingest?.rowsAccepted).toBe(ROWS - Math.ceil((ROWS - 7) / 1000));
    } finally {
      await mesh.runtime.close();
      removeWorkspace(root);
    }
  }
  const copy = median(copyMs);
  const ours = median(ingestMs);
  const ratio = copy / ours;
  console.log(
    `ingest ${ROWS} rows: COPY ${copy.toFixed(0)} ms (${((ROWS / copy) * 1000).toFixed(0)} rows/s), ` +
      `validated ingest ${ours.toFixed(0)} ms (${((ROWS / ours) * 1000).toFixed(0)} rows/s), ratio ${ratio.toFixed(2)}x`,
  );
  expect(ratio).toBeGreaterThan(0.25);
}, 300_000);
