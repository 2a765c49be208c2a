import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProductBundle } from '../src/cli/product-bundle.js';
import { type MeshServer, openMeshServer } from '../src/server/open-mesh-server.js';
import { watchSchedules } from '../src/server/schedule-watcher.js';
import { runCli } from './support/cli.js';

describe('the schedule trigger', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-schedule-'));
  const workspace = path.join(dir, 'mesh');
  const product = path.join(workspace, 'domains/sales/batch-feed');
  let server: MeshServer;

  beforeAll(async () => {
    expect(runCli(['init', workspace], dir).status).toBe(0);
    expect(runCli(['new', 'sales/batch-feed', '--template', 'batch'], workspace).status).toBe(0);
    mkdirSync(path.join(product, 'data/batch_feed'), { recursive: true });
    copyFileSync(
      path.join(product, 'tests/input/batch_feed_files.csv'),
      path.join(product, 'data/batch_feed/a.csv'),
    );
    server = await openMeshServer({ workspace, inputPollMs: 0 });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a product when its cron schedule (the batch template: hourly, UTC) fires, and not before', async () => {
    const deployed = await server.deploys.deploy(await readProductBundle(product));
    expect(deployed.type).toBe('done');
    let clock = new Date('2026-03-01T10:59:00Z');
    const watcher = watchSchedules(server.runtime, {
      intervalMs: 3_600_000,
      log: () => undefined,
      now: () => clock,
    });
    const scheduled = async () =>
      (await server.store.listRuns('sales.batch_feed', 100)).filter((r) => r.trigger === 'schedule');
    clock = new Date('2026-03-01T10:59:50Z');
    await watcher.tick();
    expect(await scheduled()).toEqual([]);
    clock = new Date('2026-03-01T11:00:10Z');
    await watcher.tick();
    const runs = await scheduled();
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    await watcher.stop();
  });

  it('refuses to deploy a schedule that is not a cron expression', async () => {
    const contract = path.join(product, 'batch_feed.odcs.yaml');
    const descriptor = path.join(product, 'product.odps.yaml');
    const original = [readFileSync(contract, 'utf8'), readFileSync(descriptor, 'utf8')] as const;
    try {
      writeFileSync(contract, original[0].replace('"0 * * * *"', '"every hour"'));
      writeFileSync(descriptor, original[1].replace(/^version: .*$/m, 'version: 1.0.1'));
      const outcome = await server.deploys.deploy(await readProductBundle(product));
      expect(outcome).toMatchObject({ type: 'failed', step: 'validate' });
      expect(outcome.type === 'failed' && outcome.message).toMatch(
        /meshplane.schedule 'every hour' is not a cron expression/,
      );
      expect((await server.store.getProduct('sales.batch_feed'))?.currentVersion).toBe('1.0.0');
    } finally {
      writeFileSync(contract, original[0]);
      writeFileSync(descriptor, original[1]);
    }
  });
});
