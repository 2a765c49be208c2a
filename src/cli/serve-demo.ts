import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateShopData } from '../demo/generate-shop-data.js';
import { parseScale } from '../demo/scale.js';
import { loadMesh, topologicalOrder } from '../runtime/index.js';
import type { CliIo } from './cli-io.js';
import { readProductBundle } from './product-bundle.js';
import { serveWorkspace } from './serve-workspace.js';

export interface DemoOptions {
  readonly workspace: string;
  readonly scale: string;
  readonly host: string;
  readonly port: number;
}

export const EXAMPLE_QUERIES = [
  'select order_status, count(*) as orders, sum(total_amount) as revenue from orders.orders group by order_status order by revenue desc',
  'select * from customers.customer_360 order by lifetime_value desc limit 5',
  'select carrier, count(*) as shipments from shipping.shipments group by carrier',
];

/**
 * The demo: generates the shop's source data (once per scale; a new scale starts the demo's
 * state afresh, since the data changes), serves the workspace, and deploys every product in
 * dependency order, then prints where to look and what to try.
 */
export async function serveDemo(io: CliIo, options: DemoOptions): Promise<0 | 1 | 3> {
  const state = path.join(options.workspace, '.meshplane');
  const marker = path.join(state, 'demo-data.json');
  const wanted = JSON.stringify({ scale: options.scale });
  const had = await readFile(marker, 'utf8').catch(() => undefined);
  if (had !== wanted) {
    await rm(state, { recursive: true, force: true });
    io.stdout(`Generating the demo data (${options.scale})...\n`);
    const result = await generateShopData({
      workspaceDir: options.workspace,
      scale: parseScale(options.scale),
    });
    io.stdout(
      `  ${result.totalRows} rows in ${result.sources.reduce((n, s) => n + s.files.length, 0)} files\n`,
    );
    await mkdir(state, { recursive: true });
    await writeFile(marker, wanted);
    // File input ports leave files younger than a second for the next scan (they may be half
    // written); these are complete, so let them settle once and the first build takes them all.
    await new Promise((resolve) => setTimeout(resolve, 1100));
  }
  const mesh = await loadMesh(options.workspace);
  for (const problem of mesh.problems) io.stderr(`demo: ${problem}\n`);
  return serveWorkspace(io, {
    workspace: options.workspace,
    host: options.host,
    port: options.port,
    afterListen: async (server, url) => {
      let failed = 0;
      const byId = new Map(mesh.products.map((p) => [p.id, p] as const));
      const dependsOn = new Map(
        mesh.products.map(
          (p) =>
            [p.id, new Set(p.inputs.flatMap((i) => (i.kind === 'product' ? [i.productId] : [])))] as const,
        ),
      );
      for (const id of topologicalOrder([...byId.keys()], dependsOn)) {
        const product = byId.get(id);
        if (product === undefined) continue;
        const outcome = await server.deploys.deploy(await readProductBundle(product.dir));
        if (outcome.type === 'done') {
          io.stdout(
            `  ${outcome.unchanged ? '=' : '✔'} ${product.id} ${outcome.version}${outcome.unchanged ? ' (unchanged)' : ''}\n`,
          );
        } else if (outcome.type === 'failed') {
          failed++;
          io.stderr(`  ✖ ${product.id}: ${outcome.step}: ${outcome.message}\n`);
        }
      }
      io.stdout(
        [
          '',
          `The demo mesh is ready${failed > 0 ? ` (${failed} product(s) failed to deploy)` : ''}. Try:`,
          `  curl ${url}/api/v1/products`,
          ...EXAMPLE_QUERIES.map((q) => `  node bin/meshplane.js query "${q}"`),
          `  node bin/meshplane.js quarantine orders.orders`,
          'Stop with Ctrl-C.',
          '',
        ].join('\n'),
      );
    },
  });
}
