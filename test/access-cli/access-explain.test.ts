/**
 * `meshplane access explain` on a workspace made with `meshplane init` and `meshplane new`: the
 * default policies, a mesh policy file that grants, one that does not validate, and bad questions.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli-test/run-cli.js';
import { type ScaffoldedWorkspace, scaffoldWorkspace } from '../cli-test/scaffold.js';

let ws: ScaffoldedWorkspace;
const PORT = 'sales.orders/orders';
const OWNER = 'owner@example.com';
const OUTSIDER = 'fin@example.com';

function explain(principal: string, action: string, resource: string, extra: readonly string[] = []) {
  return run(
    ['access', 'explain', '--principal', principal, '--action', action, '--resource', resource, ...extra],
    ws.root,
  );
}

function writePolicy(name: string, text: string): void {
  writeFileSync(path.join(ws.root, 'policies', name), text);
}

beforeAll(async () => {
  ws = await scaffoldWorkspace('shop');
  await ws.scaffold('sales/orders', 'batch');
  const meshFile = path.join(ws.root, 'mesh.yaml');
  const mesh = readFileSync(meshFile, 'utf8').replace(
    'domains:\n',
    [
      '  - name: finance-team',
      '    members:',
      `      - username: ${OUTSIDER}`,
      '        role: member',
      '  - name: platform-team',
      '    members:',
      '      - username: root@example.com',
      '        role: admin',
      'domains:',
      '  - name: finance',
      '    ownerTeam: finance-team',
      '',
    ].join('\n'),
  );
  writeFileSync(meshFile, mesh);
  rmSync(path.join(ws.root, 'policies'), { recursive: true, force: true });
  mkdirSync(path.join(ws.root, 'policies'));
  const validate = await run(['validate'], ws.root);
  expect(validate.stdout + validate.stderr).not.toContain('error');
}, 60_000);

afterAll(() => ws?.remove());

describe('meshplane access explain', () => {
  it('allows the owner team a restricted port of its own product', async () => {
    const r = await explain(OWNER, 'read', PORT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`ALLOW: User::"${OWNER}" read OutputPort::"${PORT}"`);
    expect(r.stdout).toContain('platform/owner-team (permit, platform');
    expect(r.stdout).toContain('when { principal in resource.owner };');
  });

  it("denies another domain's user by default, with no determining policy", async () => {
    const r = await explain(OUTSIDER, 'read', PORT);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`DENY: User::"${OUTSIDER}" read OutputPort::"${PORT}"`);
    expect(r.stdout).toContain('denied by default: no permit policy matched');
    expect(r.stdout).not.toContain('Determining policies');
  });

  it('allows through a mesh policy in policies/team.cedar and names the file', async () => {
    writePolicy(
      'team.cedar',
      `// finance reads the orders for the monthly close\npermit (\n  principal == Meshplane::User::"${OUTSIDER}",\n  action == Meshplane::Action::"read",\n  resource == Meshplane::OutputPort::"${PORT}"\n);\n`,
    );
    try {
      const r = await explain(OUTSIDER, 'read', PORT);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('ALLOW');
      expect(r.stdout).toContain('policies/team.cedar (permit, mesh, policies/team.cedar:2:1)');
      // Only read is granted: export still needs a grant.
      expect((await explain(OUTSIDER, 'export', PORT)).code).toBe(1);
    } finally {
      rmSync(path.join(ws.root, 'policies', 'team.cedar'));
    }
  });

  it('reports a policy reading an unknown attribute at its file and line, and it never grants', async () => {
    writePolicy(
      'bad.cedar',
      [
        '// everyone with clearance reads everything',
        'permit (principal, action, resource)',
        'when { principal.clearance == "high" };',
        '',
      ].join('\n'),
    );
    try {
      const r = await explain(OUTSIDER, 'read', PORT);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /^policies\/bad\.cedar:3:\d+: error access-policy-invalid policy 'policies\/bad\.cedar'/m,
      );
      expect(r.stdout).toContain('clearance');
      expect(r.stdout.indexOf('bad.cedar')).toBeLessThan(r.stdout.indexOf('DENY'));
      expect(r.stdout).toContain('denied by default');
    } finally {
      rmSync(path.join(ws.root, 'policies', 'bad.cedar'));
    }
  });

  it('treats a mesh.yaml member with role admin as an admin', async () => {
    const r = await explain('root@example.com', 'manage', 'sales.orders');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('platform/admin');
  });

  it('answers for a team and for a service account', async () => {
    const team = await explain('team:sales-team', 'read', PORT);
    expect(team.code).toBe(0);
    expect(team.stdout).toContain('User::"team:sales-team"');
    const service = await explain('service:etl', 'discover', 'sales.orders', [
      '--principal-domain',
      'finance',
    ]);
    expect(service.code).toBe(0);
    expect(service.stdout).toContain('platform/discover');
  });

  it('refuses an unknown principal, listing the known ones, unless --principal-domain is given', async () => {
    const r = await explain('mallory@example.com', 'read', PORT);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown principal 'mallory@example.com'");
    expect(r.stderr).toContain(OWNER);
    expect(r.stderr).toContain('--principal-domain');
    const outsider = await explain('mallory@example.com', 'read', PORT, ['--principal-domain', 'finance']);
    expect(outsider.code).toBe(1);
    expect(outsider.stdout).toContain('DENY: User::"mallory@example.com"');
    const badDomain = await explain('mallory@example.com', 'read', PORT, ['--principal-domain', 'nowhere']);
    expect(badDomain.code).toBe(2);
    expect(badDomain.stderr).toContain("unknown domain 'nowhere'");
    const team = await explain('team:nobody', 'read', PORT);
    expect(team.code).toBe(2);
    expect(team.stderr).toContain('known teams: finance-team, platform-team, sales-team');
  });

  it('refuses an unknown action, listing the actions', async () => {
    const r = await explain(OWNER, 'delete', PORT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown action 'delete'");
    expect(r.stderr).toContain('discover, read, subscribe, export, manage, approveAccess, administer');
  });

  it('refuses unknown resources and an action that does not apply to the resource', async () => {
    const product = await explain(OWNER, 'read', 'sales.nothing/orders');
    expect(product.code).toBe(2);
    expect(product.stderr).toContain("unknown data product 'sales.nothing'");
    expect(product.stderr).toContain('sales.orders');
    const port = await explain(OWNER, 'read', 'sales.orders/nothing');
    expect(port.code).toBe(2);
    expect(port.stderr).toContain(`known ports: ${PORT}`);
    const version = await explain(OWNER, 'read', `${PORT}@9.9.9`);
    expect(version.code).toBe(2);
    expect(version.stderr).toContain('versions: 1.0.0');
    const domain = await explain(OWNER, 'read', 'domain:nowhere');
    expect(domain.code).toBe(2);
    expect(domain.stderr).toContain('known domains: finance, sales');
    const mismatch = await explain(OWNER, 'read', 'domain:sales');
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('cannot ask \'read\' of Domain::"sales"');
  });

  it('refuses a missing flag as a usage error', async () => {
    const r = await run(['access', 'explain', '--principal', OWNER, '--resource', PORT], ws.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--action <action>' not specified");
  });

  it('refuses a time without a zone', async () => {
    const r = await explain(OWNER, 'read', PORT, ['--at', '2027-01-01 10:00']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ISO 8601');
  });

  it('prints JSON with --format json', async () => {
    writePolicy(
      'bad.cedar',
      'permit (principal, action, resource is Meshplane::OutputPort) when { resource.nope };\n',
    );
    try {
      const r = await explain(OWNER, 'read', PORT, [
        '--format',
        'json',
        '--at',
        '2027-01-31T12:00:00Z',
        '--purpose',
        'monthly close',
      ]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out).toMatchObject({
        decision: 'allow',
        request: {
          principal: `User::"${OWNER}"`,
          action: 'read',
          resource: `OutputPort::"${PORT}"`,
          at: '2027-01-31T12:00:00.000Z',
        },
        errors: [],
      });
      expect(out.determiningPolicies).toEqual([
        expect.objectContaining({ id: 'platform/owner-team', effect: 'permit', source: 'platform' }),
      ]);
      expect(out.diagnostics).toEqual([
        expect.objectContaining({
          code: 'access-policy-invalid',
          severity: 'error',
          file: 'policies/bad.cedar',
          line: 1,
          policyId: 'policies/bad.cedar',
        }),
      ]);
    } finally {
      rmSync(path.join(ws.root, 'policies', 'bad.cedar'));
    }
  });
});
