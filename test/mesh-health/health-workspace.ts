/**
 * A mesh of three declared domains made with the CLI in-process (so `meshplane new` records the
 * scaffold time from this source tree): `sales/orders` and `crm/leads` from the `events`
 * template, each domain owned by its own team, and `finance/ledger` whose SQL is broken so its
 * deploy fails. An in-process server over it, and the CLI in-process.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { CliIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { readProductBundle } from '../../src/cli/product-bundle.js';
import { type MeshServer, openMeshServer } from '../../src/server/open-mesh-server.js';

export const SALES = { id: 'sales.orders', dir: 'domains/sales/orders', input: 'orders_events' } as const;
export const CRM = { id: 'crm.leads', dir: 'domains/crm/leads', input: 'leads_events' } as const;
export const FINANCE = { id: 'finance.ledger', dir: 'domains/finance/ledger' } as const;

export interface HealthWorkspace {
  readonly dir: string;
  readonly workspace: string;
  remove(): void;
}

/** Runs `meshplane <args>` in-process in `cwd` as `actor`, capturing its output. */
export async function cli(args: readonly string[], cwd: string, actor = 'tester') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
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

async function must(args: readonly string[], cwd: string): Promise<void> {
  const done = await cli(args, cwd);
  if (done.code !== 0) throw new Error(`meshplane ${args.join(' ')} failed: ${done.stdout}${done.stderr}`);
}

/** Adds a team with one member and a domain it owns to mesh.yaml. */
function addDomain(workspace: string, domain: string, team: string, member: string): void {
  const file = path.join(workspace, 'mesh.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.addIn(['teams'], doc.createNode({ name: team, members: [{ username: member }] }));
  doc.addIn(['domains'], doc.createNode({ name: domain, ownerTeam: team }));
  writeFileSync(file, doc.toString());
}

export async function makeHealthWorkspace(): Promise<HealthWorkspace> {
  const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-health-'));
  const workspace = path.join(dir, 'mesh');
  await must(['init', 'mesh', '--name', 'mesh'], dir);
  addDomain(workspace, 'crm', 'crm-team', 'cleo');
  addDomain(workspace, 'finance', 'finance-team', 'fin');
  await must(['new', 'sales/orders', '--template', 'events'], workspace);
  await must(['new', 'crm/leads', '--template', 'events'], workspace);
  await must(['new', 'finance/ledger', '--template', 'events'], workspace);
  // A transform that cannot run: the deploy fails at its first build, so the product is never registered.
  writeFileSync(
    path.join(workspace, FINANCE.dir, 'ledger.sql'),
    'select no_such_column from ledger_events\n',
  );
  return { dir, workspace, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A server over the workspace, no background loops: tests tick the monitor themselves. */
export function openHealthServer(ws: HealthWorkspace): Promise<MeshServer> {
  return openMeshServer({ workspace: ws.workspace, inputPollMs: 0, webhookPollMs: 0, monitorIntervalMs: 0 });
}

/** Deploys the product folder `dir` of the workspace; returns the deploy's outcome type. */
export async function deploy(server: MeshServer, ws: HealthWorkspace, dir: string): Promise<string> {
  return (await server.deploys.deploy(await readProductBundle(path.join(ws.workspace, dir)))).type;
}

/** Runs a SELECT as `actor`. */
export function query(server: MeshServer, sql: string, actor: string) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/query',
    payload: { sql },
    headers: { 'meshplane-actor': actor },
  });
}
