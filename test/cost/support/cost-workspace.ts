/**
 * A workspace of two domains made by the real CLI (`sales/orders` and `crm/leads`, both from the
 * `events` template: an http-push input port and one output port), an in-process server over
 * it, and helpers to set quotas in mesh.yaml and to run the CLI in-process.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { parseDocument } from 'yaml';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { main } from '../../../src/cli/main.js';
import { readProductBundle } from '../../../src/cli/product-bundle.js';
import { type MeshServer, openMeshServer } from '../../../src/server/open-mesh-server.js';
import { ndjson, orderEvent } from '../../streams/support/events-workspace.js';
import { runCli } from '../../support/cli.js';

export const SALES = { id: 'sales.orders', input: 'orders_events', table: 'sales.orders' } as const;
export const CRM = { id: 'crm.leads', input: 'leads_events', table: 'crm.leads' } as const;

export interface CostWorkspace {
  readonly dir: string;
  readonly workspace: string;
}

export function scaffoldCostWorkspace(prefix: string): CostWorkspace {
  const dir = mkdtempSync(path.join(tmpdir(), `meshplane-${prefix}-`));
  const workspace = path.join(dir, 'mesh');
  for (const args of [
    ['init', workspace],
    ['new', 'sales/orders', '--template', 'events'],
    ['new', 'crm/leads', '--template', 'events'],
  ]) {
    const made = runCli(args, args[0] === 'init' ? dir : workspace);
    if (made.status !== 0)
      throw new Error(`meshplane ${args.join(' ')} failed: ${made.stdout}${made.stderr}`);
  }
  return { dir, workspace };
}

/** Opens a server over the workspace (no background watchers) and deploys both products. */
export async function openCostServer(ws: CostWorkspace): Promise<MeshServer> {
  const server = await openMeshServer({ workspace: ws.workspace, inputPollMs: 0, webhookPollMs: 0 });
  for (const product of ['domains/sales/orders', 'domains/crm/leads']) {
    const deployed = await server.deploys.deploy(await readProductBundle(path.join(ws.workspace, product)));
    expect(deployed.type, JSON.stringify(deployed)).toBe('done');
  }
  return server;
}

/** Sets (or, with undefined, removes) a domain's `quotas` block in mesh.yaml, keeping the rest. */
export function setQuotas(
  ws: CostWorkspace,
  domain: string,
  quotas: Record<string, string | number> | undefined,
): void {
  const file = path.join(ws.workspace, 'mesh.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const domains = doc.toJS().domains as { name: string }[];
  const index = domains.findIndex((d) => d.name === domain);
  if (index < 0) throw new Error(`no domain ${domain} in mesh.yaml`);
  if (quotas === undefined) doc.deleteIn(['domains', index, 'quotas']);
  else doc.setIn(['domains', index, 'quotas'], doc.createNode(quotas));
  writeFileSync(file, doc.toString());
}

/** Pushes events into a product's http-push port. */
export function push(server: MeshServer, product: { id: string; input: string }, ids: readonly string[]) {
  return server.app.inject({
    method: 'POST',
    url: `/api/v1/products/${product.id}/ports/${product.input}/events`,
    payload: ndjson(ids.map((id) => orderEvent(id))),
    headers: { 'content-type': 'application/x-ndjson' },
  });
}

/** Runs a SELECT as `actor`. */
export function query(server: MeshServer, sql: string, actor = 'ana') {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/query',
    payload: { sql },
    headers: { 'meshplane-actor': actor },
  });
}

/** Runs `meshplane <args>` in-process as `actor` and captures its output. */
export async function cli(args: readonly string[], actor = 'ana') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: process.cwd(),
    isTTY: false,
  };
  const previous = process.env.MESHPLANE_ACTOR;
  process.env.MESHPLANE_ACTOR = actor;
  try {
    const code = await main(['node', 'meshplane', ...args], io);
    return { code, stdout, stderr };
  } finally {
    if (previous === undefined) delete process.env.MESHPLANE_ACTOR;
    else process.env.MESHPLANE_ACTOR = previous;
  }
}
