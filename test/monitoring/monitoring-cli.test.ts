import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { readProductBundle } from '../../src/cli/product-bundle.js';
import { type MeshServer, openMeshServer } from '../../src/server/open-mesh-server.js';
import { waitFor } from '../notify/webhook-receiver.js';
import { removeWorkspace } from '../runtime/support/workspace.js';
import { ORDERS_DIR, PRODUCT_ID, writeMonitoringMesh } from './monitoring-workspace.js';

/** `meshplane sla` and `meshplane incidents` against a server listening on a real port. */
describe('the sla and incidents commands', () => {
  let server: MeshServer;
  let root = '';
  let url = '';

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      cwd: root,
      isTTY: false,
    };
    const code = await main(['node', 'meshplane', ...args, '--server', url], io);
    return { code, stdout, stderr };
  }

  beforeAll(async () => {
    root = writeMonitoringMesh([
      { property: 'latency', value: 1, unit: 's' },
      { property: 'throughput', value: 100 },
    ]);
    server = await openMeshServer({
      workspace: root,
      inputPollMs: 0,
      webhookPollMs: 0,
      monitorIntervalMs: 0,
    });
    expect((await server.deploys.deploy(await readProductBundle(path.join(root, ORDERS_DIR)))).type).toBe(
      'done',
    );
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const [run] = await server.store.listRuns(PRODUCT_ID, 1);
    await server.monitor.tick(new Date(Date.parse(run?.finishedAt ?? '') + 5_000));
  });

  afterAll(async () => {
    await server?.close();
    removeWorkspace(root);
  });

  it('lists incidents, acknowledges one as the actor, and resolves it', async () => {
    const listed = await cli(['incidents']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/open\s+\|\s+sales\.orders\s+\|\s+sla\.breach\s+\|\s+orders\/latency/);
    const [incident] = JSON.parse((await cli(['incidents', '--state', 'open', '--format', 'json'])).stdout);
    expect(incident.key.subject).toBe('orders/latency');

    process.env.MESHPLANE_ACTOR = 'dana@example.com';
    try {
      const ack = await cli(['incidents', 'ack', incident.id]);
      expect(ack.code, ack.stderr).toBe(0);
      expect(ack.stdout).toContain(`${incident.id}: acknowledged (acknowledged by dana@example.com)`);
      const resolved = await cli(['incidents', 'resolve', incident.id, '--format', 'json']);
      expect(JSON.parse(resolved.stdout)).toMatchObject({
        state: 'resolved',
        resolvedBy: 'dana@example.com',
      });
      const again = await cli(['incidents', 'resolve', incident.id]);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/was resolved by dana@example.com/);
    } finally {
      delete process.env.MESHPLANE_ACTOR;
    }
    expect((await cli(['incidents', '--product', 'sales.nothing'])).stdout).toBe('no incidents\n');
    expect((await cli(['incidents', '--state', 'closed'])).code).not.toBe(0);
  });

  it('shows a product’s SLA as text and JSON', async () => {
    // The command evaluates at the server's clock: wait until the data is older than its promise.
    const [run] = await server.store.listRuns(PRODUCT_ID, 1);
    await waitFor(async () => Date.now() > Date.parse(run?.finishedAt ?? '') + 1_200, 'the data to age');
    const text = await cli(['sla', PRODUCT_ID]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^sales\.orders: breached at /);
    expect(text.stdout).toMatch(/orders 1\.0\.0\s+\|\s+latency\s+\|\s+breached/);
    expect(text.stdout).toContain('not evaluated: throughput: Meshplane does not measure throughput yet');
    const json = JSON.parse((await cli(['sla', PRODUCT_ID, '--format', 'json'])).stdout);
    expect(json.ports[0].objectives[0]).toMatchObject({ id: 'latency', state: 'breached' });
    const missing = await cli(['sla', 'sales.nothing']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("no deployed product 'sales.nothing'");
  });
});
