/**
 * Exactly once under SIGKILL: a child process ingests several large files and is killed at a
 * random moment. After reopening, each file is either entirely in the input table (with its one
 * ledger row) or not at all; a rerun then completes the rest, and nothing is there twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRuntime } from './support/compile-runtime.js';
import { ORDERS_DIR, salesMesh } from './support/sales-mesh.js';
import { makeWorkspace, openMesh, removeWorkspace } from './support/workspace.js';

const FILES = 3;
const ROWS = 200_000;
const ROUNDS = 5;

const CHILD = `
import { loadMesh, MeshRuntime } from './out/runtime/index.js';
const root = process.argv[2];
const mesh = await loadMesh(root);
const runtime = await MeshRuntime.open({ workspace: root, settleMs: 0 });
await runtime.deploy(mesh.products);
process.stdout.write('ready\\n');
await runtime.runProduct(mesh.products[0], {
  trigger: 'manual',
  onProgress: (p) => process.stdout.write('file ' + p.index + '\\n'),
});
await runtime.close();
process.stdout.write('done\\n');
`;

let build: string;
let template: string;

/** Writes FILES CSVs of ROWS distinct orders each, with DuckDB (fast). */
async function writeInputs(root: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  mkdirSync(path.join(root, ORDERS_DIR, 'data/orders'), { recursive: true });
  for (let f = 0; f < FILES; f++) {
    const file = path.join(root, ORDERS_DIR, 'data/orders', `part-${f}.csv`);
    await connection.run(
      `COPY (SELECT 'O-' || (${f * ROWS} + range) AS order_id, 1 + range % 5 AS quantity, 9.99 AS price,
              'placed' AS status, TIMESTAMP '2025-01-01' AS ordered_at, NULL AS note FROM range(${ROWS}))
       TO '${file}' (HEADER)`,
    );
  }
  connection.closeSync();
  instance.closeSync();
}

function startChild(root: string): {
  child: ChildProcess;
  ready: Promise<void>;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [path.join(build, 'child.mjs'), root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', () => reject(new Error(`child exited before ready: ${stderr}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exit };
}

interface FileState {
  readonly path: string;
  readonly ledgerRows: number;
  readonly rows: number;
  readonly distinct: number;
}

/** Reopens the workspace like a restarted runtime and reads, per file, the ledger and the stored rows. */
async function inspect(root: string): Promise<{ files: FileState[]; orphanRows: number }> {
  const mesh = await openMesh(root);
  try {
    const files = (await mesh.runtime.hub.query(
      `SELECT l.path, count(DISTINCT l.id)::INT AS ledger_rows, count(r.order_id)::INT AS rows,
              count(DISTINCT r.order_id)::INT AS distinct
       FROM p_sales_orders._meshplane.ingested_files l
       LEFT JOIN p_sales_orders.input.raw_orders r ON r._meshplane_file = l.id
       WHERE l.status = 'ingested' GROUP BY l.path ORDER BY l.path`,
    )) as unknown as { path: string; ledger_rows: number; rows: number; distinct: number }[];
    const [orphans] = await mesh.runtime.hub.query(
      `SELECT count(*)::INT AS n FROM p_sales_orders.input.raw_orders
       WHERE _meshplane_file NOT IN (SELECT id FROM p_sales_orders._meshplane.ingested_files)`,
    );
    return {
      files: files.map((f) => ({
        path: f.path,
        ledgerRows: f.ledger_rows,
        rows: f.rows,
        distinct: f.distinct,
      })),
      orphanRows: Number(orphans?.n),
    };
  } finally {
    await mesh.runtime.close();
  }
}

beforeAll(async () => {
  build = compileRuntime();
  writeFileSync(path.join(build, 'child.mjs'), CHILD);
  template = makeWorkspace(salesMesh());
  await writeInputs(template);
}, 120_000);

afterAll(() => {
  rmSync(build, { recursive: true, force: true });
  removeWorkspace(template);
});

describe('ingest survives SIGKILL', () => {
  it(`leaves every file fully there exactly once or not at all (${ROUNDS} rounds)`, async () => {
    const killedAfter: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const root = makeWorkspace({});
      cpSync(template, root, { recursive: true });
      const { child, ready, exit } = startChild(root);
      await ready;
      // Spread the kills over the whole ingest: early, between files, late.
      const delay = 50 + Math.floor((round / ROUNDS) * 1200 + Math.random() * 300);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exit;

      const after = await inspect(root);
      expect(after.orphanRows).toBe(0);
      for (const file of after.files)
        expect(file).toMatchObject({ ledgerRows: 1, rows: ROWS, distinct: ROWS });
      killedAfter.push(after.files.length);

      const rerun = startChild(root);
      await rerun.ready;
      expect(await rerun.exit).toBe(0);
      const final = await inspect(root);
      expect(final.orphanRows).toBe(0);
      expect(final.files).toHaveLength(FILES);
      for (const file of final.files)
        expect(file).toMatchObject({ ledgerRows: 1, rows: ROWS, distinct: ROWS });
      removeWorkspace(root);
    }
    console.log(`files complete when killed, per round: ${killedAfter.join(', ')} of ${FILES}`);
    expect(killedAfter.some((n) => n < FILES)).toBe(true);
  }, 600_000);
});
