import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProductBundle } from '../../src/cli/product-bundle.js';
import { runCli } from '../support/cli.js';
import { freePort, type ServerProcess, startCli } from '../support/server-process.js';
import { V1_COLUMNS, writeLifecycleMesh } from './lifecycle-workspace.js';

/**
 * The contract lifecycle end to end, through the real CLI and server: v1 deployed and read by a
 * consumer; a breaking v1.1 refused with the report; a compatible v1.1 migrating the table; v2
 * beside v1; v1 deprecated (served as a view over v2), warned on every query, its consumers
 * notified (in-app and by webhook); the migration report; v1 retired only by force, audited.
 */
const V1_SQL = 'select order_id, line_number, sku, quantity, unit_price from shop_lines';
const V11_COLUMNS = [...V1_COLUMNS, { name: 'discount', type: 'number' as const }];
const V11_SQL = 'select order_id, line_number, sku, quantity, unit_price, discount from shop_lines';
const V2_COLUMNS = V11_COLUMNS.map((c) =>
  c.name === 'sku'
    ? { ...c, name: 'article_number', renamedFrom: 'sku' }
    : c.name === 'unit_price'
      ? { ...c, classification: 'restricted' }
      : c,
);
const V2_SQL =
  'select order_id, line_number, sku as article_number, quantity, unit_price, discount from shop_lines';

describe('contract lifecycle', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-lifecycle-'));
  const workspace = path.join(dir, 'mesh');
  let product = '';
  let server: ServerProcess | undefined;
  let url = '';
  let hook: Server | undefined;
  const received: { type: string; subject?: string; data: Record<string, unknown> }[] = [];
  let hookUrl = '';
  const write = (spec: Parameters<typeof writeLifecycleMesh>[1]) =>
    writeLifecycleMesh(workspace, spec, hookUrl);

  const cli = (args: string[], actor = 'carla@example.com') => {
    process.env.MESHPLANE_ACTOR = actor;
    return runCli([...args, '--server', url], workspace);
  };
  const query = (sql: string, actor = 'analyst@example.com') => {
    const run = cli(['query', sql, '--format', 'json'], actor);
    return { ...run, json: run.status === 0 ? JSON.parse(run.stdout) : undefined };
  };

  beforeAll(async () => {
    const hookPort = await freePort();
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook?.listen(hookPort, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${hookPort}/events`;
    product = write({ version: '1.0.0', ports: [{ version: '1.0.0', columns: V1_COLUMNS, sql: V1_SQL }] });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = await startCli(['serve', '--workspace', workspace, '--port', String(port)], {
      cwd: dir,
      url,
      ready: (out) => out.includes('Meshplane serves'),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await new Promise((r) => hook?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('deploys v1 and serves it to a consumer', () => {
    const deploy = cli(['deploy', product]);
    expect(deploy.status, deploy.stdout + deploy.stderr).toBe(0);
    const result = query('select * from orders.order_lines order by order_id, line_number');
    expect(result.status, result.stderr).toBe(0);
    expect(result.json.rows).toHaveLength(3);
    expect(result.json.columns.map((c: { name: string }) => c.name)).toEqual([
      'order_id',
      'line_number',
      'sku',
      'quantity',
      'unit_price',
    ]);
    expect(result.json.warnings).toBeUndefined();
  });

  it('refuses a breaking v1.1 with the report, in CI and at deploy', async () => {
    const old = path.join(product, 'order_lines_v1.odcs.yaml');
    const saved = path.join(dir, 'v1.0.0.odcs.yaml');
    rmSync(saved, { force: true });
    copyFileSync(old, saved);
    write({
      version: '1.1.0',
      ports: [
        {
          version: '1.1.0',
          columns: V1_COLUMNS.filter((c) => c.name !== 'unit_price'),
          sql: 'select order_id, line_number, sku, quantity from shop_lines',
        },
      ],
    });
    const compat = runCli(['compat', saved, old, '--format', 'json'], workspace);
    expect(compat.status, compat.stderr).toBe(1);
    const report = JSON.parse(compat.stdout);
    expect(report).toMatchObject({ compatible: false, mode: 'BACKWARD', policy: 'strict' });
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        type: 'property-removed',
        path: 'order_lines.unit_price',
        compatible: false,
      }),
    );
    const diff = runCli(['diff', saved, old], workspace);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toMatch(/unit_price/);

    const deploy = cli(['deploy', product]);
    expect(deploy.status).toBe(1);
    expect(deploy.stderr).toMatch(/not BACKWARD compatible/);
    expect(deploy.stderr).toMatch(/property-removed order_lines\.unit_price/);
    const direct = await fetch(`${url}/api/v1/deploys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await readProductBundle(product)),
    });
    expect(direct.status).toBe(409);
    const body = (await direct.json()) as { code: string; compatibility: { verdict: string }[] };
    expect(body.code).toBe('CONFLICT');
    expect(body.compatibility[0]?.verdict).toBe('incompatible');
    const still = query('select count(*) as n, count(unit_price) as priced from orders.order_lines');
    expect(still.json.rows[0]).toEqual({ n: '3', priced: '3' });
  });

  it('deploys a compatible v1.1 and migrates the table in place', () => {
    write({
      version: '1.1.0',
      ports: [{ version: '1.1.0', columns: V11_COLUMNS, sql: V11_SQL }],
    });
    const deploy = cli(['deploy', product]);
    expect(deploy.status, deploy.stdout + deploy.stderr).toBe(0);
    expect(deploy.stdout).toMatch(/orders\.orders\/order_lines 1\.1\.0 is BACKWARD compatible/);
    const result = query('select sum(discount) as d from orders.order_lines');
    expect(Number(result.json.rows[0].d)).toBe(2.5);
  });

  it('serves v2 beside v1, each under its own name', () => {
    write({
      version: '2.0.0',
      ports: [
        { version: '1.1.0', columns: V11_COLUMNS, sql: V11_SQL },
        { version: '2.0.0', columns: V2_COLUMNS, sql: V2_SQL },
      ],
    });
    const deploy = cli(['deploy', product]);
    expect(deploy.status, deploy.stdout + deploy.stderr).toBe(0);
    const latest = query('select article_number from orders.order_lines order by order_id, line_number');
    expect(latest.json.rows.map((r: { article_number: string }) => r.article_number)).toEqual([
      'SKU-A',
      'SKU-B',
      'SKU-A',
    ]);
    const pinned = query('select sku from orders."order_lines@v1" order by order_id, line_number');
    expect(pinned.status, pinned.stderr).toBe(0);
    expect(pinned.json.rows).toHaveLength(3);
    const full = query('select count(*) as n from orders.orders."order_lines@v2"');
    expect(Number(full.json.rows[0].n)).toBe(3);
  });

  it('deprecates v1 as a view over v2: a warning on every query, consumers notified', async () => {
    write({
      version: '2.1.0',
      ports: [
        {
          version: '1.1.0',
          columns: V11_COLUMNS,
          status: 'deprecated',
          custom: { 'meshplane.sunset': '2027-03-31', 'meshplane.viewOf': 'v2' },
        },
        { version: '2.0.0', columns: V2_COLUMNS, sql: V2_SQL },
      ],
    });
    const deploy = cli(['deploy', product]);
    expect(deploy.status, deploy.stdout + deploy.stderr).toBe(0);

    const pinned = query('select sku, discount from orders."order_lines@v1" order by order_id, line_number');
    expect(pinned.status, pinned.stderr).toBe(0);
    expect(pinned.json.rows.map((r: { sku: string }) => r.sku)).toEqual(['SKU-A', 'SKU-B', 'SKU-A']);
    expect(pinned.stderr).toMatch(
      /warning: orders\.orders\/order_lines v1 \(1\.1\.0\) is deprecated; it will be retired after 2027-03-31/,
    );
    expect(pinned.json.warnings[0]).toMatchObject({ code: 'deprecated-version', sunset: '2027-03-31' });
    const raw = await fetch(`${url}/api/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sql: 'select 1 as x from orders."order_lines@v1" limit 1' }),
    });
    expect(raw.headers.get('sunset')).toBe('Wed, 31 Mar 2027 23:59:59 GMT');
    expect(raw.headers.get('meshplane-warning')).toMatch(/deprecated/);
    const latest = query('select count(*) as n from orders.order_lines');
    expect(latest.json.warnings).toBeUndefined();

    const notices = (await (
      await fetch(`${url}/api/v1/notifications?recipient=analyst%40example.com`)
    ).json()) as {
      notifications: { type: string; title: string }[];
    };
    expect(notices.notifications).toContainEqual(
      expect.objectContaining({
        type: 'dev.meshplane.contract.deprecated',
        title: 'orders.orders/order_lines v1 is deprecated',
      }),
    );
    const deadline = Date.now() + 15_000;
    while (!received.some((e) => e.type === 'dev.meshplane.contract.deprecated') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(received.find((e) => e.type === 'dev.meshplane.contract.deprecated')).toMatchObject({
      subject: 'order_lines',
      data: { sunset: '2027-03-31', major: 1 },
    });
  });

  it('reports who still reads the deprecated version', () => {
    const report = cli(['consumers', 'orders.orders/order_lines', '--format', 'json']);
    expect(report.status, report.stderr).toBe(0);
    const json = JSON.parse(report.stdout);
    const v1 = json.versions.find((v: { major: number }) => v.major === 1);
    expect(v1).toMatchObject({
      status: 'deprecated',
      sunset: '2027-03-31',
      servedAs: 'view over order_lines@v2',
    });
    expect(v1.consumers).toContainEqual(
      expect.objectContaining({ kind: 'query', name: 'analyst@example.com', active: true }),
    );
    expect(
      v1.consumers.find((c: { name: string }) => c.name === 'analyst@example.com').reads,
    ).toBeGreaterThanOrEqual(3);
  });

  it('retires v1 only by force while it has active consumers, and audits it', async () => {
    write({
      version: '3.0.0',
      ports: [{ version: '2.0.0', columns: V2_COLUMNS, sql: V2_SQL }],
    });
    const refused = cli(['deploy', product]);
    expect(refused.status).toBe(1);
    // The raw API call above sent no Meshplane-Actor: it counts as `anonymous`.
    expect(refused.stderr).toMatch(/v1 still has 2 active consumers \(anonymous, analyst@example\.com\)/);
    const forced = cli(['deploy', product, '--force']);
    expect(forced.status, forced.stdout + forced.stderr).toBe(0);
    const gone = query('select * from orders."order_lines@v1"');
    expect(gone.status).not.toBe(0);
    expect(gone.stderr).toMatch(/not a mesh name|order_lines@v1/);
    const audit = (await (await fetch(`${url}/api/v1/audit?subject=orders.orders%2Forder_lines`)).json()) as {
      events: { action: string; actor: string }[];
    };
    expect(audit.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['contract.retire-forced', 'contract.deprecate']),
    );
    expect(audit.events.find((e) => e.action === 'contract.retire-forced')?.actor).toBe('carla@example.com');
    expect(await (await fetch(`${url}/api/v1/audit/verify`)).json()).toMatchObject({ ok: true });
  });

  it('renders the changelog of the port', () => {
    const log = cli(['changelog', 'orders.orders', '--format', 'json']);
    expect(log.status, log.stderr).toBe(0);
    const versions = JSON.parse(log.stdout).ports[0].versions as { version: string; breaking: number }[];
    expect(versions.map((v) => v.version)).toEqual(['1.0.0', '1.1.0', '2.0.0']);
    expect(versions[2]?.breaking).toBeGreaterThan(0);
    const text = cli(['changelog', 'orders.orders']);
    expect(text.stdout).toMatch(/orders\.orders\/order_lines/);
    const diff = cli([
      'diff',
      'orders.orders/order_lines@1.1.0',
      'orders.orders/order_lines@2.0.0',
      '--format',
      'json',
    ]);
    expect(diff.status, diff.stderr).toBe(0);
    expect(JSON.parse(diff.stdout).changes).toContainEqual(
      expect.objectContaining({
        type: 'property-renamed',
        path: 'order_lines.article_number',
        breaking: true,
      }),
    );
  });

  it('lets only the domain’s owners lower a classification, and audits it', async () => {
    write({
      version: '3.1.0',
      ports: [
        {
          version: '2.1.0',
          columns: V2_COLUMNS.map((c) => (c.name === 'unit_price' ? { ...c, classification: 'public' } : c)),
          sql: V2_SQL,
        },
      ],
    });
    const outsider = cli(['deploy', product], 'mallory@example.com');
    expect(outsider.status).toBe(1);
    expect(outsider.stderr).toMatch(/only a member of orders-team may change this: .*classification/);
    const owner = cli(['deploy', product]);
    expect(owner.status, owner.stdout + owner.stderr).toBe(0);
    const audit = (await (await fetch(`${url}/api/v1/audit?limit=100`)).json()) as {
      events: { action: string; actor: string; subject: string }[];
    };
    expect(audit.events).toContainEqual(
      expect.objectContaining({ action: 'governance.classification-lowered', actor: 'carla@example.com' }),
    );
    expect(audit.events).toContainEqual(
      expect.objectContaining({
        action: 'deploy.refused',
        actor: 'mallory@example.com',
        subject: 'orders.orders',
      }),
    );
  });
});
