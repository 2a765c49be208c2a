/**
 * A workspace whose product `sales.orders` has output contracts with quality rules that pass,
 * fail at severity error, fail at severity warning and are not run, over a classified column;
 * and a stack like the server's: the control store, the runtime with its recorders, the quality
 * service, and an HTTP app with the quality routes, listening on a free port.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { createMetrics, type Metrics, meteredRunRecorder } from '../../../src/observability/index.js';
import {
  type PortQualityReport,
  QualityService,
  qualityRunRecorder,
} from '../../../src/quality/runs/index.js';
import { loadMesh, MeshRuntime, type RuntimeProduct } from '../../../src/runtime/index.js';
import { buildApp } from '../../../src/server/build-app.js';
import { Lifecycle } from '../../../src/server/lifecycle.js';
import { qualityRoutes } from '../../../src/server/routes/quality-routes.js';
import { storeRunRecorder } from '../../../src/server/store-run-recorder.js';
import { type ControlStore, createControlStore } from '../../../src/store/index.js';
import { contractYaml, makeWorkspace, meshYaml, productYaml } from '../../runtime/support/workspace.js';

export const PRODUCT = 'sales.orders';
export const PRODUCT_DIR = 'domains/sales/orders';

/** Four orders: two without an email, one with an unknown status, one amount above 25. */
export const ORDERS_CSV = [
  'id,email,status,amount',
  '1,ann@example.com,placed,10',
  '2,,placed,20',
  '3,secret-carl@example.com,lost,30',
  '4,,shipped,5',
  '',
].join('\n');

function outputContract(id: string, table: string, properties: unknown[], quality: unknown[]): string {
  return stringify({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id,
    name: table,
    version: '1.0.0',
    status: 'active',
    domain: 'sales',
    dataProduct: 'orders',
    team: { name: 'sales-team' },
    schema: [
      {
        name: table,
        physicalName: table,
        logicalType: 'object',
        properties,
        ...(quality.length > 0 ? { quality } : {}),
      },
    ],
    customProperties: [
      { property: 'meshplane.transform', value: `${table}.sql` },
      { property: 'meshplane.refresh', value: 'full' },
    ],
  });
}

/** The workspace's files (relative path → content). */
export function qualityMeshFiles(): Record<string, string> {
  return {
    'mesh.yaml': meshYaml(['sales']),
    [`${PRODUCT_DIR}/product.odps.yaml`]: productYaml({
      id: PRODUCT,
      domain: 'sales',
      inputs: [{ name: 'raw_orders', contractId: 'sales.orders.raw_orders.v1' }],
      outputs: [
        { name: 'orders', contractId: 'sales.orders.orders.v1' },
        { name: 'amounts', contractId: 'sales.orders.amounts.v1' },
        { name: 'plain', contractId: 'sales.orders.plain.v1' },
      ],
    }),
    [`${PRODUCT_DIR}/raw_orders.odcs.yaml`]: contractYaml({
      id: 'sales.orders.raw_orders.v1',
      domain: 'sales',
      product: 'orders',
      table: 'raw_orders',
      properties: [
        { name: 'id', logicalType: 'integer', physicalType: 'INTEGER', required: true },
        { name: 'email', logicalType: 'string' },
        { name: 'status', logicalType: 'string' },
        { name: 'amount', logicalType: 'integer', physicalType: 'INTEGER' },
      ],
      files: { path: 'data/*.csv', format: 'csv', port: { header: true, delimiter: ',' } },
    }),
    [`${PRODUCT_DIR}/orders.odcs.yaml`]: outputContract(
      'sales.orders.orders.v1',
      'orders',
      [
        {
          name: 'id',
          logicalType: 'integer',
          physicalType: 'INTEGER',
          required: true,
          primaryKey: true,
          primaryKeyPosition: 1,
          classification: 'public',
          quality: [{ name: 'id_unique', metric: 'duplicateValues', mustBe: 0 }],
        },
        {
          name: 'email',
          logicalType: 'string',
          classification: 'restricted',
          quality: [{ name: 'email_present', metric: 'nullValues', mustBe: 0, severity: 'error' }],
        },
        {
          name: 'status',
          logicalType: 'string',
          quality: [
            {
              name: 'status_known',
              metric: 'invalidValues',
              arguments: { validValues: ['placed', 'shipped'] },
              mustBe: 0,
              severity: 'warning',
            },
          ],
        },
        { name: 'amount', logicalType: 'integer', physicalType: 'INTEGER' },
      ],
      [
        { metric: 'rowCount', mustBeGreaterThan: 0 },
        {
          type: 'sql',
          name: 'no_negative_amounts',
          query: 'select count(*) from {table} where amount < 0',
          mustBe: 0,
        },
        { type: 'custom', engine: 'soda', implementation: 'checks for orders: [row_count > 0]' },
      ],
    ),
    [`${PRODUCT_DIR}/orders.sql`]: 'select id, email, status, amount from raw_orders',
    [`${PRODUCT_DIR}/amounts.odcs.yaml`]: outputContract(
      'sales.orders.amounts.v1',
      'amounts',
      [
        { name: 'id', logicalType: 'integer', physicalType: 'INTEGER', required: true },
        { name: 'amount', logicalType: 'integer', physicalType: 'INTEGER' },
      ],
      [
        { metric: 'rowCount', mustBeBetween: [1, 100] },
        {
          type: 'sql',
          name: 'no_big_amounts',
          query: 'select count(*) from {table} where amount > 25',
          mustBe: 0,
          severity: 'warning',
        },
      ],
    ),
    [`${PRODUCT_DIR}/amounts.sql`]: 'select id, amount from raw_orders',
    [`${PRODUCT_DIR}/plain.odcs.yaml`]: outputContract(
      'sales.orders.plain.v1',
      'plain',
      [{ name: 'id', logicalType: 'integer', physicalType: 'INTEGER', required: true }],
      [],
    ),
    [`${PRODUCT_DIR}/plain.sql`]: 'select id from raw_orders',
    [`${PRODUCT_DIR}/data/orders.csv`]: ORDERS_CSV,
  };
}

export interface QualityStack {
  readonly root: string;
  readonly store: ControlStore;
  readonly runtime: MeshRuntime;
  readonly quality: QualityService;
  readonly metrics: Metrics;
  readonly app: FastifyInstance;
  readonly url: string;
  readonly product: RuntimeProduct;
  /** Every report listeners were told of, in order. */
  readonly heard: { productId: string; port: string; report: PortQualityReport }[];
  readonly logged: string[];
  close(): Promise<void>;
}

/**
 * Opens the stack on a fresh copy of the workspace: the quality recorder wraps the store's run
 * recorder directly (so reports link to stored run ids), metered outside it, as the server wires it.
 */
export async function openQualityStack(options: { historyLimit?: number } = {}): Promise<QualityStack> {
  const root = makeWorkspace(qualityMeshFiles());
  const store = await createControlStore({ workspaceDir: root });
  const metrics = createMetrics();
  const logged: string[] = [];
  let runtime: MeshRuntime | undefined;
  const quality = new QualityService({
    store,
    runtime: () => runtime,
    metrics: metrics.quality,
    log: (line) => logged.push(line),
    ...(options.historyLimit === undefined ? {} : { historyLimit: options.historyLimit }),
  });
  const heard: QualityStack['heard'] = [];
  quality.onQualityReport((productId, port, report) => {
    heard.push({ productId, port, report });
  });
  runtime = await MeshRuntime.open({
    workspace: root,
    settleMs: 0,
    recorder: meteredRunRecorder(
      qualityRunRecorder(
        storeRunRecorder(store, () => runtime),
        quality,
      ),
      metrics,
    ),
    duckdb: { threads: 2, memoryLimit: undefined, tempDirectory: undefined, streamChunkRows: 2048 },
  });
  const mesh = await loadMesh(root);
  const problems = [
    ...mesh.problems,
    ...mesh.report.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error')),
  ];
  if (problems.length > 0) throw new Error(`workspace problems: ${JSON.stringify(problems)}`);
  await runtime.deploy(mesh.products);
  const product = mesh.products.find((p) => p.id === PRODUCT);
  if (product === undefined) throw new Error(`no product ${PRODUCT}`);
  const app = await buildApp({ lifecycle: new Lifecycle(), metrics, api: [qualityRoutes(quality)] });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const opened = runtime;
  return {
    root,
    store,
    runtime: opened,
    quality,
    metrics,
    app,
    url,
    product,
    heard,
    logged,
    close: async () => {
      await app.close();
      await opened.close();
      await store.close();
    },
  };
}

/** The product folder in the workspace. */
export function productDir(root: string): string {
  return path.join(root, PRODUCT_DIR);
}
