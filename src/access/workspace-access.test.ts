import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../spec/validate/index.js';
import type { DecisionRequest } from './access-types.js';
import { buildWorkspaceAccess, mostRestrictive, type WorkspacePolicyFile } from './workspace-access.js';

const encoder = new TextEncoder();

const MESH = `apiVersion: meshplane/v1
kind: Mesh
name: shop
teams:
  - name: sales-team
    members:
      - username: ann@example.com
        role: owner
  - name: ops-team
    members:
      - username: ann@example.com
        role: Admin
      - username: bob@example.com
  - name: finance-team
    members:
      - username: fay@example.com
domains:
  - name: sales
    ownerTeam: sales-team
  - name: finance
    ownerTeam: finance-team
`;

function product(id: string, status: string, ports: readonly [string, string, string][]): string {
  const outputs = ports
    .map(
      ([name, version, contract]) =>
        `  - name: ${name}\n    version: ${version}\n    contractId: ${contract}\n`,
    )
    .join('');
  return `apiVersion: v1.0.0
kind: DataProduct
id: ${id}
name: ${id.split('.')[1]}
status: ${status}
domain: ${id.split('.')[0]}
tags: [gold]
team:
  name: sales-team
outputPorts:
${outputs}`;
}

function contract(id: string, schemaClass: string | undefined, propertyClasses: readonly string[]): string {
  const props = propertyClasses
    .map((c, i) => `      - name: c${i}\n        logicalType: string\n        classification: ${c}\n`)
    .join('');
  return `apiVersion: v3.1.0
kind: DataContract
id: ${id}
version: 1.0.0
status: active
schema:
  - name: t
    logicalType: object
${schemaClass === undefined ? '' : `    classification: ${schemaClass}\n`}    properties:
      - name: id
        logicalType: string
${props}`;
}

function access(files: Record<string, string>, policies: WorkspacePolicyFile[] = []) {
  const sources = Object.entries(files).map(([file, text]) => ({ file, bytes: encoder.encode(text) }));
  return buildWorkspaceAccess({ entries: analyzeWorkspace(sources).entries.values(), policies });
}

const WORKSPACE = {
  'mesh.yaml': MESH,
  'domains/sales/orders/product.odps.yaml': product('sales.orders', 'active', [
    ['lines', '1.9.0', 'c.lines.v1'],
    ['lines', '1.10.0', 'c.lines.v2'],
    ['totals', '1.0.0', 'c.totals'],
    ['bare', '1.0.0', 'c.bare'],
  ]),
  'domains/sales/orders/lines.odcs.yaml': contract('c.lines.v1', undefined, ['public']),
  'domains/sales/orders/lines2.odcs.yaml': contract('c.lines.v2', 'confidential', ['internal', 'public']),
  'domains/sales/orders/totals.odcs.yaml': contract('c.totals', undefined, ['public', 'public']),
  'domains/sales/orders/bare.odcs.yaml': contract('c.bare', undefined, []),
  'domains/sales/old/product.odps.yaml': product('sales.old', 'retired', [['lines', '1.0.0', 'c.totals']]),
};

const NOW = new Date('2027-01-01T00:00:00Z');

function entity(request: DecisionRequest, type: string, id: string) {
  return request.entities.find(
    (e) => 'type' in e.uid && e.uid.type === `Meshplane::${type}` && e.uid.id === id,
  );
}

describe('buildWorkspaceAccess', () => {
  const model = access(WORKSPACE);
  const ask = (principal: string, action: string, resource: string, principalDomain?: string) =>
    model.request({ principal, action, resource, now: NOW, ...(principalDomain ? { principalDomain } : {}) });

  it('classifies a port by the most restrictive schema or property classification of its contract', () => {
    const r = ask('fay@example.com', 'read', 'sales.orders/lines');
    expect(entity(r, 'OutputPort', 'sales.orders/lines')?.attrs).toMatchObject({
      classification: 'confidential',
      version: '1.10.0',
      status: 'active',
    });
    expect(entity(r, 'OutputPort', 'sales.orders/totals')?.attrs.classification).toBe('public');
    expect(entity(r, 'OutputPort', 'sales.orders/bare')?.attrs.classification).toBe('restricted');
    // The product is as restrictive as its most restrictive port.
    expect(entity(r, 'DataProduct', 'sales.orders')?.attrs).toMatchObject({
      classification: 'restricted',
      tags: ['gold'],
      status: 'active',
    });
  });

  it('picks an older port version when asked, with its own classification', () => {
    const r = ask('fay@example.com', 'read', 'sales.orders/lines@1.9.0');
    expect(entity(r, 'OutputPort', 'sales.orders/lines')?.attrs).toMatchObject({
      classification: 'public',
      version: '1.9.0',
    });
    expect(model.point.decide(r).decision).toBe('allow');
    expect(model.point.decide(ask('fay@example.com', 'read', 'sales.orders/lines')).decision).toBe('deny');
  });

  it('gives users their mesh.yaml teams, roles and the domain their team owns', () => {
    const r = ask('ann@example.com', 'read', 'sales.orders/lines');
    const ann = entity(r, 'User', 'ann@example.com');
    expect(ann?.attrs).toMatchObject({ roles: ['admin', 'owner'] });
    expect(ann?.parents).toEqual([
      { type: 'Meshplane::Team', id: 'sales-team' },
      { type: 'Meshplane::Team', id: 'ops-team' },
    ]);
    expect(JSON.stringify(ann?.attrs.domain)).toContain('"sales"');
    const bob = entity(r, 'User', 'bob@example.com');
    expect(bob?.attrs.roles).toEqual([]);
    expect(bob?.attrs.domain).toBeUndefined();
  });

  it('lets the admin role and the owner team in, and keeps a retired port closed to both', () => {
    const admin = model.point.decide(ask('bob@example.com', 'administer', 'domain:finance'));
    expect(admin.decision).toBe('deny');
    const ann = model.point.decide(ask('ann@example.com', 'administer', 'domain:finance'));
    expect(ann).toMatchObject({ decision: 'allow', determiningPolicies: ['platform/admin'] });
    const retired = model.point.decide(ask('ann@example.com', 'read', 'sales.old/lines'));
    expect(retired).toMatchObject({ decision: 'deny', determiningPolicies: ['platform/forbid-retired'] });
  });

  it('matches a user name case-insensitively and refuses unknown names with what is known', () => {
    expect(ask('ANN@example.com', 'read', 'sales.orders/lines').principal).toEqual({
      type: 'User',
      id: 'ann@example.com',
    });
    expect(() => ask('zed', 'read', 'sales.orders/lines')).toThrow(
      /unknown principal 'zed'.*known users: ann@example.com, bob@example.com, fay@example.com/,
    );
    expect(() => ask('ann@example.com', 'read', 'sales.orders/nope')).toThrow(
      /known ports: sales.orders\/bare, sales.orders\/lines, sales.orders\/totals/,
    );
    expect(() => ask('ann@example.com', 'fly', 'sales.orders')).toThrow(/unknown action 'fly'/);
    expect(() => ask('', 'read', 'sales.orders')).toThrow(/--principal must be 1 to/);
  });

  it('takes an outsider only with a known domain', () => {
    const r = ask('zed', 'read', 'sales.orders/totals', 'finance');
    expect(entity(r, 'User', 'zed')?.parents).toEqual([]);
    expect(model.point.decide(r)).toMatchObject({
      decision: 'allow',
      determiningPolicies: ['platform/read-public'],
    });
    expect(() => ask('zed', 'read', 'sales.orders/totals', 'mars')).toThrow(/unknown domain 'mars'/);
  });

  it('adds the mesh policies with their paths as ids and leaves invalid ones out', () => {
    const withPolicies = access(WORKSPACE, [
      {
        path: 'policies/finance.cedar',
        text: 'permit (principal in Meshplane::Team::"finance-team", action == Meshplane::Action::"read", resource);',
      },
      {
        path: 'policies/broken.cedar',
        text: 'permit (principal, action, resource) when { principal.level > 3 };',
      },
    ]);
    expect(withPolicies.point.policies.map((p) => p.id)).toContain('policies/finance.cedar');
    expect(withPolicies.point.policies.map((p) => p.id)).not.toContain('policies/broken.cedar');
    expect(withPolicies.point.diagnostics.map((d) => [d.file, d.code])).toContainEqual([
      'policies/broken.cedar',
      'access-policy-invalid',
    ]);
    const r = withPolicies.request({
      principal: 'fay@example.com',
      action: 'read',
      resource: 'sales.orders/bare',
      now: NOW,
    });
    expect(withPolicies.point.decide(r)).toMatchObject({
      decision: 'allow',
      determiningPolicies: ['policies/finance.cedar'],
    });
  });
});

describe('mostRestrictive', () => {
  it('orders public < internal < confidential < restricted < anything else', () => {
    expect(mostRestrictive(['public', 'Internal '])).toBe('internal');
    expect(mostRestrictive(['restricted', 'confidential'])).toBe('restricted');
    expect(mostRestrictive(['restricted', 'PII', 'public'])).toBe('pii');
    expect(mostRestrictive(['secret', 'pii'])).toBe('pii');
    expect(mostRestrictive(['', ' '])).toBeUndefined();
  });
});
