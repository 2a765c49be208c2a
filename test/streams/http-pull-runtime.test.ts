/**
 * The http-pull port end to end: a local JSON API, a deployed product whose input contract has an
 * `api` server with `meshplane.port kind: http-pull`, the runtime's stream sink storing pages in
 * the product's DuckDB file, a restart on the same file, and a run of the product's transform.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { httpPullSourceFactory } from '../../src/ports/http-pull/index.js';
import type { PortStatus, StreamSourceContext } from '../../src/ports/stream/index.js';
import { isStoredInput, productAlias } from '../../src/runtime/index.js';
import {
  contractYaml,
  makeWorkspace,
  meshYaml,
  openMesh,
  productYaml,
  removeWorkspace,
  type TestMesh,
} from '../runtime/support/workspace.js';

const DIR = 'domains/sales/orders';
const PRODUCT = 'sales.orders';

interface Order {
  readonly order_id: string;
  readonly quantity: unknown;
  readonly updated_at: string;
}

/** An orders API: cursor pages of two, `since` filters by `updated_at`. */
async function startOrdersApi(data: Order[]) {
  const requests: URL[] = [];
  const server = createServer((req, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const since = url.searchParams.get('since');
    const rows = data.filter((o) => since === null || o.updated_at > since);
    const at = Number(url.searchParams.get('cursor') ?? 0);
    const next = at + 2 < rows.length ? String(at + 2) : null;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ orders: rows.slice(at, at + 2), paging: { next } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/orders`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function workspace(apiUrl: string): string {
  const input = stringify({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'sales.orders.raw_orders.v1',
    name: 'raw_orders',
    version: '1.0.0',
    status: 'active',
    domain: 'sales',
    dataProduct: 'orders',
    team: { name: 'sales-team' },
    servers: [
      {
        server: 'orders-api',
        type: 'api',
        location: apiUrl,
        customProperties: [
          {
            property: 'meshplane.port',
            value: {
              kind: 'http-pull',
              every: '200ms',
              records: '/orders',
              pagination: { type: 'cursor', param: 'cursor', next: 'paging.next' },
              watermark: { field: 'updated_at', param: 'since' },
              headers: { Authorization: { env: 'MESHPLANE_TEST_ORDERS_TOKEN' } },
            },
          },
        ],
      },
    ],
    schema: [
      {
        name: 'raw_orders',
        physicalName: 'raw_orders',
        logicalType: 'object',
        properties: [
          {
            name: 'order_id',
            logicalType: 'string',
            required: true,
            primaryKey: true,
            primaryKeyPosition: 1,
          },
          { name: 'quantity', logicalType: 'integer', physicalType: 'INTEGER', required: true },
          { name: 'updated_at', logicalType: 'string', required: true },
        ],
      },
    ],
  });
  return makeWorkspace({
    'mesh.yaml': meshYaml(['sales']),
    [`${DIR}/product.odps.yaml`]: productYaml({
      id: PRODUCT,
      domain: 'sales',
      inputs: [{ name: 'raw_orders', contractId: 'sales.orders.raw_orders.v1' }],
      outputs: [{ name: 'orders', contractId: 'sales.orders.orders.v1' }],
    }),
    [`${DIR}/raw_orders.odcs.yaml`]: input,
    [`${DIR}/orders.odcs.yaml`]: contractYaml({
      id: 'sales.orders.orders.v1',
      domain: 'sales',
      product: 'orders',
      table: 'orders',
      properties: [
        { name: 'order_id', logicalType: 'string', required: true, primaryKey: 1 },
        { name: 'quantity', logicalType: 'integer', physicalType: 'INTEGER', required: true },
      ],
      meshplane: { transform: 'orders.sql', refresh: 'full' },
    }),
    [`${DIR}/orders.sql`]: 'select order_id, quantity from raw_orders',
  });
}

/** Runs the port's source on the runtime's sink until stopped. */
function startSource(mesh: TestMesh) {
  const product = mesh.product(PRODUCT);
  const port = product.inputs.find((p) => p.name === 'raw_orders');
  if (port === undefined || !isStoredInput(port)) throw new Error('no stored input port raw_orders');
  expect(port.kind).toBe('http-pull');
  const controller = new AbortController();
  const statuses: Omit<PortStatus, 'since'>[] = [];
  const ctx: StreamSourceContext = {
    productId: PRODUCT,
    port: 'raw_orders',
    sink: mesh.runtime.streamSink(PRODUCT, 'raw_orders'),
    signal: controller.signal,
    report: (s) => statuses.push(s),
    log: () => undefined,
  };
  const done = httpPullSourceFactory(port, product).run(ctx);
  return {
    statuses,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

async function until(predicate: () => Promise<boolean> | boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const order = (n: number, quantity: unknown = n): Order => ({
  order_id: `O-${n}`,
  quantity,
  updated_at: `2024-05-01T10:00:0${n}Z`,
});

describe('http-pull through the runtime', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    delete process.env.MESHPLANE_TEST_ORDERS_TOKEN;
  });

  it('stores pages exactly once with the watermark, quarantines bad records, resumes after a restart', async () => {
    process.env.MESHPLANE_TEST_ORDERS_TOKEN = 'Bearer t0ken';
    const data = [order(1), order(2), order(3, 'three')];
    const api = await startOrdersApi(data);
    cleanup.push(api.close);
    const root = workspace(api.url);
    cleanup.push(() => removeWorkspace(root));
    let mesh = await openMesh(root);
    cleanup.push(() => mesh.runtime.close());
    const alias = productAlias(PRODUCT);
    const rows = async () =>
      (
        await mesh.runtime.hub.query(
          `SELECT order_id, quantity FROM ${alias}.input.raw_orders ORDER BY order_id`,
        )
      ).map((r) => ({ ...r }));
    const quarantine = async () =>
      (
        await mesh.runtime.hub.query(
          `SELECT port, source, CAST(position AS INTEGER) AS position, reason FROM ${alias}._meshplane.quarantine ORDER BY id`,
        )
      ).map((r) => ({ ...r }));

    // First pull: two pages; O-3 breaks the contract and goes to quarantine with its page and place.
    let source = startSource(mesh);
    const sink = mesh.runtime.streamSink(PRODUCT, 'raw_orders');
    await until(
      async () => (await sink.checkpoint()) === '{"watermark":"2024-05-01T10:00:03Z"}',
      'the first pull',
    );
    expect(await rows()).toEqual([
      { order_id: 'O-1', quantity: 1 },
      { order_id: 'O-2', quantity: 2 },
    ]);
    expect(await quarantine()).toEqual([
      {
        port: 'raw_orders',
        source: `http-pull:${api.url}#2`,
        position: 1,
        reason: expect.stringMatching(/quantity/),
      },
    ]);
    expect(api.requests.slice(0, 2).map((u) => u.search)).toEqual(['', '?cursor=2']);

    // The next tick asks only for what is newer than the stored watermark.
    data.push(order(4), order(5));
    await until(async () => (await rows()).length === 4, 'the second pull');
    await until(
      async () => (await sink.checkpoint()) === '{"watermark":"2024-05-01T10:00:05Z"}',
      'the watermark',
    );
    expect(api.requests.find((u) => u.searchParams.get('since') === '2024-05-01T10:00:03Z')).toBeDefined();
    expect(source.statuses).toContainEqual({ state: 'running' });
    await source.stop();

    // A restart on the same file resumes from the stored watermark: nothing stored twice.
    await mesh.runtime.close();
    mesh = await openMesh(root);
    data.push(order(6));
    const before = api.requests.length;
    source = startSource(mesh);
    await until(async () => (await rows()).length === 5, 'the pull after the restart');
    await source.stop();
    expect(api.requests[before]?.searchParams.get('since')).toBe('2024-05-01T10:00:05Z');
    expect((await rows()).map((r) => r.order_id)).toEqual(['O-1', 'O-2', 'O-4', 'O-5', 'O-6']);
    expect(await quarantine()).toHaveLength(1);

    // The product's run reads what the port stored.
    const run = await mesh.runtime.runProduct(mesh.product(PRODUCT), { trigger: 'manual' });
    expect(run.transforms.map((t) => t.status)).toEqual(['succeeded']);
    const out = await mesh.runtime.hub.query(`SELECT count(*)::INTEGER AS n FROM ${alias}.main.orders`);
    expect(out[0]?.n).toBe(5);
  });

  it('a garbage response fails the port with the reason and stores nothing', async () => {
    process.env.MESHPLANE_TEST_ORDERS_TOKEN = 'Bearer t0ken';
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const root = workspace(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/orders`);
    cleanup.push(() => removeWorkspace(root));
    const mesh = await openMesh(root);
    cleanup.push(() => mesh.runtime.close());
    const source = startSource(mesh);
    await until(() => source.statuses.some((s) => s.state === 'failed'), 'a failed status');
    await source.stop();
    expect(source.statuses.find((s) => s.state === 'failed')?.reason).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/v1\/orders: the response is text\/html, not JSON/,
    );
    const alias = productAlias(PRODUCT);
    const count = await mesh.runtime.hub.query(
      `SELECT count(*)::INTEGER AS n FROM ${alias}.input.raw_orders`,
    );
    expect(count[0]?.n).toBe(0);
    expect(await mesh.runtime.streamSink(PRODUCT, 'raw_orders').checkpoint()).toBeUndefined();
  });
});
