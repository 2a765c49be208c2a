import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../src/cli/serve-demo.js';
import { repoRoot, runCli } from './support/cli.js';
import { freePort, type ServerProcess, startCli } from './support/server-process.js';

/** The README's main job: the demo mesh, generated, served and deployed, answering its example queries. */
describe('meshplane demo', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-demo-'));
  const workspace = path.join(dir, 'shop');
  let demo: ServerProcess;

  beforeAll(async () => {
    cpSync(path.join(repoRoot, 'examples/shop'), workspace, {
      recursive: true,
      filter: (source) => !/[/\\](data|\.meshplane)$/.test(source),
    });
    const port = await freePort();
    demo = await startCli(['demo', '--workspace', workspace, '--port', String(port)], {
      cwd: dir,
      url: `http://127.0.0.1:${port}`,
      ready: (out) => out.includes('The demo mesh is ready'),
      timeoutMs: 120_000,
    });
  }, 180_000);

  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deploys all five products of the four domains', () => {
    expect(demo.output()).not.toContain('✖');
    for (const id of [
      'customers.customers',
      'orders.orders',
      'shipping.shipments',
      'customers.customer_360',
      'inventory.stock_levels',
    ]) {
      expect(demo.output()).toContain(`✔ ${id}`);
    }
  });

  it.each(EXAMPLE_QUERIES)('answers %s with rows', (sql) => {
    const run = runCli(['query', sql, '--server', demo.url, '--format', 'json'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).rows.length).toBeGreaterThan(0);
  });

  it('shows the records it quarantined, with reasons', () => {
    const run = runCli(['quarantine', 'orders.orders', '--server', demo.url, '--format', 'json'], dir);
    const result = JSON.parse(run.stdout) as { counts: Record<string, number>; items: { reason: string }[] };
    expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(result.items[0]?.reason).toMatch(/\w+: /);
  });

  it('stops cleanly on SIGTERM', async () => {
    const stopped = await demo.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
  });
});
