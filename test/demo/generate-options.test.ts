import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateShopData } from '../../src/demo/index.js';
import { copyShop, removeShop } from './shop-copy.js';
import { openSourceTables } from './source-tables.js';

const made: string[] = [];
async function shop(): Promise<string> {
  const dir = await copyShop();
  made.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map(removeShop));
});

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Rewrites a contract of a copied workspace. */
async function editContract(file: string, edit: (doc: Record<string, unknown>) => void): Promise<void> {
  const doc = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(doc);
  await writeFile(file, stringify(doc));
}

function firstServer(doc: Record<string, unknown>): Record<string, unknown> {
  return (doc.servers as Record<string, unknown>[])[0] as Record<string, unknown>;
}

describe('generateShopData options', () => {
  it('writes exactly as many order lines as a number scale asks for', async () => {
    const dir = await shop();
    const result = await generateShopData({ workspaceDir: dir, scale: 2345 });
    expect(result.scale).toEqual({ name: '2345', orderLines: 2345, customers: 156 });
    expect(result.sources.find((s) => s.table === 'shop_order_lines')?.rows).toBe(2345);
    const db = await openSourceTables(dir, result);
    try {
      expect(await db.count('SELECT count(*) FROM shop_order_lines')).toBe(2345);
      expect(await db.count('SELECT count(DISTINCT customer_id) FROM crm_customers')).toBe(156);
    } finally {
      db.close();
    }
  });

  it('replaces an earlier generation: the same files as a fresh one, nothing stale or half-written', async () => {
    const reused = await shop();
    const fresh = await shop();
    await generateShopData({ workspaceDir: reused, scale: 3000, referenceDate: '2025-07-01' });
    await generateShopData({ workspaceDir: reused, scale: 400 });
    await generateShopData({ workspaceDir: fresh, scale: 400 });
    const files = await filesUnder(reused);
    expect(files).toEqual(await filesUnder(fresh));
    expect(files.some((f) => f.endsWith('.partial'))).toBe(false);
    for (const f of files) {
      expect((await readFile(path.join(reused, f))).equals(await readFile(path.join(fresh, f))), f).toBe(
        true,
      );
    }
  });

  it('moves the whole story with the reference date, and writes no bad rows at rate 0', async () => {
    const dir = await shop();
    const result = await generateShopData({
      workspaceDir: dir,
      scale: 600,
      referenceDate: '2024-07-01',
      badRowRate: 0,
    });
    expect(result.referenceDate).toBe('2024-07-01T00:00:00Z');
    const orders = result.sources.find((s) => s.table === 'shop_orders');
    expect(orders?.files[0]).toBe('domains/orders/orders/data/orders/2023-07.ndjson');
    expect(orders?.files.at(-1)).toBe('domains/orders/orders/data/orders/2024-06.ndjson');
    for (const source of result.sources) expect(source.badRows).toBe(0);
  });

  it('writes Parquet, and CSV with another delimiter and no header, when contracts say so', async () => {
    const dirs = [await shop(), await shop()];
    for (const dir of dirs) {
      await editContract(
        path.join(dir, 'domains/inventory/stock-levels/warehouse_stock.odcs.yaml'),
        (doc) => {
          Object.assign(firstServer(doc), { format: 'parquet', path: 'data/stock/*.parquet' });
        },
      );
      await editContract(path.join(dir, 'domains/orders/orders/shop_order_lines.odcs.yaml'), (doc) => {
        firstServer(doc).customProperties = [
          { property: 'meshplane.port', value: { kind: 'files', header: false, delimiter: ';' } },
        ];
      });
    }
    const [one, two] = dirs as [string, string];
    const result = await generateShopData({ workspaceDir: one, scale: 1500 });
    await generateShopData({ workspaceDir: two, scale: 1500 });
    const stock = result.sources.find((s) => s.table === 'warehouse_stock');
    expect(stock?.format).toBe('parquet');
    expect(stock?.files.every((f) => f.endsWith('.parquet'))).toBe(true);
    for (const f of stock?.files ?? []) {
      expect((await readFile(path.join(one, f))).equals(await readFile(path.join(two, f))), f).toBe(true);
    }
    const lines = result.sources.find((s) => s.table === 'shop_order_lines');
    const first = await readFile(path.join(one, lines?.files[0] ?? ''), 'utf8');
    expect(first.split('\n', 1)[0]).toMatch(/^O-\d+;1;[A-Z]+-[A-Z]+(-[A-Z]+)?;[^;]+;-?\d+;\d+\.\d\d$/);
    const db = await openSourceTables(one, result);
    try {
      expect(await db.count('SELECT count(*) FROM warehouse_stock')).toBe(stock?.rows);
      expect(await db.count('SELECT count(*) FROM shop_order_lines')).toBe(1500);
      const types = await db.rows(
        "SELECT column_name AS c, data_type AS t FROM information_schema.columns WHERE table_name = 'warehouse_stock'",
      );
      expect(Object.fromEntries(types.map((r) => [r.c, r.t]))).toMatchObject({
        snapshot_at: 'TIMESTAMP',
        warehouse_id: 'VARCHAR',
        on_hand: 'INTEGER',
      });
    } finally {
      db.close();
    }
  });

  it('reports input contracts it cannot fill instead of failing', async () => {
    const dir = await shop();
    await editContract(path.join(dir, 'domains/shipping/shipments/carrier_events.odcs.yaml'), (doc) => {
      firstServer(doc).format = 'avro';
    });
    const product = path.join(dir, 'domains/shipping/shipments');
    const extra = parse(await readFile(path.join(product, 'carrier_events.odcs.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    extra.id = 'shipping.shipments.returns.v1';
    extra.schema = [{ name: 'returns', physicalName: 'returns', properties: [{ name: 'return_id' }] }];
    Object.assign(firstServer(extra), { format: 'csv', path: 'data/returns/*.csv' });
    await writeFile(path.join(product, 'returns.odcs.yaml'), stringify(extra));
    const result = await generateShopData({ workspaceDir: dir, scale: 300 });
    expect(result.skipped).toEqual([
      { contractId: 'shipping.shipments.carrier_events.v1', reason: expect.stringMatching(/format 'avro'/) },
      { contractId: 'shipping.shipments.returns.v1', reason: "no generator for table 'returns'" },
    ]);
    expect(result.sources.map((s) => s.table)).not.toContain('carrier_events');
  });

  it('stops when aborted, leaving no half-written file', async () => {
    const dir = await shop();
    const controller = new AbortController();
    const run = generateShopData({
      workspaceDir: dir,
      scale: 'medium',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.totalRows > 60_000) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect((await filesUnder(dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses what it cannot do, saying why', async () => {
    const dir = await shop();
    await expect(generateShopData({ workspaceDir: path.join(dir, 'nope') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(generateShopData({ workspaceDir: dir, scale: 0 })).rejects.toThrow(/scale must be/);
    await expect(generateShopData({ workspaceDir: dir, seed: 1.5 })).rejects.toThrow(/seed must be/);
    await expect(generateShopData({ workspaceDir: dir, badRowRate: 2 })).rejects.toThrow(/bad row rate/);
    await expect(generateShopData({ workspaceDir: dir, referenceDate: 'soon' })).rejects.toThrow(/ISO 8601/);
    const empty = await mkdtemp(path.join(tmpdir(), 'meshplane-demo-empty-'));
    try {
      await mkdir(path.join(empty, 'domains'));
      await writeFile(path.join(empty, 'mesh.yaml'), 'apiVersion: meshplane/v1\nkind: Mesh\nname: empty\n');
      await expect(generateShopData({ workspaceDir: empty })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
