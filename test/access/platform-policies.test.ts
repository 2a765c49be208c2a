import { describe, expect, it } from 'vitest';
import {
  createDecisionPoint,
  type DecisionRequest,
  domainEntity,
  type EntityRef,
  grantPolicy,
  MESH_SCHEMA,
  type MeshAction,
  type MeshEntity,
  meshEntity,
  PLATFORM_POLICIES,
  portEntity,
  productEntity,
  serviceAccountEntity,
  userEntity,
} from '../../src/access/index.js';

/**
 * The default policy set, as a matrix: five principals, every action, ports of every
 * classification and a retired one, products and the mesh. Each principal lists what it may do;
 * everything else in the cross product must be denied.
 */
const NOW = '2026-06-01T00:00:00Z';

const PRINCIPALS: Record<string, { ref: EntityRef; entity: MeshEntity }> = {
  admin: {
    ref: { type: 'User', id: 'root' },
    entity: userEntity({ id: 'root', roles: ['admin'], domain: 'platform' }),
  },
  owner: {
    ref: { type: 'User', id: 'olga' },
    entity: userEntity({ id: 'olga', teams: ['orders-team'], domain: 'orders' }),
  },
  sameDomain: {
    ref: { type: 'User', id: 'sam' },
    entity: userEntity({ id: 'sam', teams: ['billing'], domain: 'orders' }),
  },
  otherDomain: {
    ref: { type: 'User', id: 'otto' },
    entity: userEntity({ id: 'otto', teams: ['analysts'], domain: 'sales' }),
  },
  service: {
    ref: { type: 'ServiceAccount', id: 'etl' },
    entity: serviceAccountEntity({ id: 'etl', teams: ['etl'], domain: 'sales' }),
  },
};

const port = (id: string, classification: string | undefined, status = 'active') =>
  portEntity({
    id,
    product: 'orders',
    domain: 'orders',
    owner: 'orders-team',
    status,
    version: '1.0.0',
    ...(classification === undefined ? {} : { classification }),
  });

const RESOURCES: Record<string, { ref: EntityRef; entities: MeshEntity[] }> = {
  pub: { ref: { type: 'OutputPort', id: 'pub' }, entities: [port('pub', 'public')] },
  int: { ref: { type: 'OutputPort', id: 'int' }, entities: [port('int', 'Internal')] },
  res: { ref: { type: 'OutputPort', id: 'res' }, entities: [port('res', 'restricted')] },
  conf: { ref: { type: 'OutputPort', id: 'conf' }, entities: [port('conf', 'confidential')] },
  none: { ref: { type: 'OutputPort', id: 'none' }, entities: [port('none', undefined)] },
  retiredPort: { ref: { type: 'OutputPort', id: 'old' }, entities: [port('old', 'public', 'retired')] },
  product: {
    ref: { type: 'DataProduct', id: 'orders' },
    entities: [productEntity({ id: 'orders', domain: 'orders', owner: 'orders-team', status: 'active' })],
  },
  retiredProduct: {
    ref: { type: 'DataProduct', id: 'legacy' },
    entities: [productEntity({ id: 'legacy', domain: 'orders', owner: 'orders-team', status: 'retired' })],
  },
  mesh: { ref: { type: 'Mesh', id: 'mesh' }, entities: [meshEntity()] },
  domain: { ref: { type: 'Domain', id: 'orders' }, entities: [domainEntity('orders')] },
};

const PORTS = ['pub', 'int', 'res', 'conf', 'none', 'retiredPort'];
const PRODUCTS = ['product', 'retiredProduct'];
/** The (action, resource) pairs the schema allows; other pairs are refused as invalid requests. */
const PAIRS: [MeshAction, string][] = [
  ...(['read', 'subscribe', 'export'] as const).flatMap((a) =>
    PORTS.map((r): [MeshAction, string] => [a, r]),
  ),
  ...(['discover', 'manage', 'approveAccess'] as const).flatMap((a) =>
    [...PORTS, ...PRODUCTS].map((r): [MeshAction, string] => [a, r]),
  ),
  ['administer', 'mesh'],
  ['administer', 'domain'],
];

const all = (actions: string[], resources: string[]) =>
  actions.flatMap((a) => resources.map((r) => `${a}:${r}`));
const LIVE_PORTS = ['pub', 'int', 'res', 'conf', 'none'];

const ALLOWED: Record<string, Set<string>> = {
  // Everything, except data out of a retired port (forbid-retired beats admin).
  admin: new Set([
    ...all(['read', 'subscribe', 'export'], LIVE_PORTS),
    ...all(['discover', 'manage', 'approveAccess'], [...PORTS, ...PRODUCTS]),
    'administer:mesh',
    'administer:domain',
  ]),
  owner: new Set([
    ...all(['read', 'subscribe', 'export'], LIVE_PORTS),
    ...all(['discover', 'manage', 'approveAccess'], [...PORTS, ...PRODUCTS]),
  ]),
  sameDomain: new Set([
    ...all(['read', 'subscribe'], ['pub', 'int']),
    ...all(['discover'], [...LIVE_PORTS, 'product']),
  ]),
  otherDomain: new Set([
    ...all(['read', 'subscribe'], ['pub']),
    ...all(['discover'], [...LIVE_PORTS, 'product']),
  ]),
  service: new Set([
    ...all(['read', 'subscribe'], ['pub']),
    ...all(['discover'], [...LIVE_PORTS, 'product']),
  ]),
};

function request(principal: string, action: MeshAction, resource: string, now = NOW): DecisionRequest {
  const p = PRINCIPALS[principal];
  const r = RESOURCES[resource];
  if (p === undefined || r === undefined) throw new Error(`unknown ${principal} or ${resource}`);
  return { principal: p.ref, action, resource: r.ref, context: { now }, entities: [p.entity, ...r.entities] };
}

describe('platform default policies', () => {
  const point = createDecisionPoint({ schema: MESH_SCHEMA, policies: PLATFORM_POLICIES });

  it('all validate against the schema without a finding', () => {
    expect(point.diagnostics).toEqual([]);
    expect(point.policies.map((p) => p.id)).toEqual(PLATFORM_POLICIES.map((p) => p.id));
  });

  const cases = Object.keys(PRINCIPALS).flatMap((principal) =>
    PAIRS.map(([action, resource]) => ({
      principal,
      action,
      resource,
      want: ALLOWED[principal]?.has(`${action}:${resource}`) ? 'allow' : 'deny',
    })),
  );

  it.each(cases)('$principal $action $resource: $want', ({ principal, action, resource, want }) => {
    const answer = point.decide(request(principal, action, resource));
    expect(answer.errors).toEqual([]);
    expect(answer.decision).toBe(want);
  });

  it('names the policy that decided', () => {
    expect(point.decide(request('owner', 'export', 'conf')).determiningPolicies).toEqual([
      'platform/owner-team',
    ]);
    expect(point.decide(request('otherDomain', 'read', 'pub')).determiningPolicies).toEqual([
      'platform/read-public',
    ]);
    expect(point.decide(request('sameDomain', 'read', 'int')).determiningPolicies).toEqual([
      'platform/read-internal-same-domain',
    ]);
    expect(point.decide(request('admin', 'read', 'retiredPort')).determiningPolicies).toEqual([
      'platform/forbid-retired',
    ]);
    expect(point.decide(request('otherDomain', 'read', 'conf')).determiningPolicies).toEqual([]);
  });
});

describe('grants on top of the defaults', () => {
  const point = createDecisionPoint({
    schema: MESH_SCHEMA,
    policies: [
      ...PLATFORM_POLICIES,
      grantPolicy({
        id: 'req-1',
        principal: { type: 'User', id: 'otto' },
        port: 'conf',
        until: '2027-01-01T00:00:00Z',
      }),
      grantPolicy({
        id: 'req-2',
        principal: { type: 'Team', id: 'etl' },
        port: 'res',
        actions: ['read', 'export'],
      }),
      grantPolicy({ id: 'req-3', principal: { type: 'User', id: 'otto' }, port: 'old' }),
    ],
  });

  it('a grant opens a confidential port to its principal until it expires', () => {
    expect(point.decide(request('otherDomain', 'read', 'conf'))).toEqual({
      decision: 'allow',
      determiningPolicies: ['grant/req-1'],
      errors: [],
    });
    expect(point.decide(request('otherDomain', 'read', 'conf', '2027-01-01T00:00:00Z')).decision).toBe(
      'deny',
    );
    expect(point.decide(request('otherDomain', 'export', 'conf')).decision).toBe('deny');
    expect(point.decide(request('sameDomain', 'read', 'conf')).decision).toBe('deny');
  });

  it('a team grant opens the port to every member, for the granted actions only', () => {
    expect(point.decide(request('service', 'export', 'res')).determiningPolicies).toEqual(['grant/req-2']);
    expect(point.decide(request('service', 'subscribe', 'res')).decision).toBe('deny');
    expect(point.decide(request('otherDomain', 'read', 'res')).decision).toBe('deny');
  });

  it('a grant on a retired port does not beat forbid-retired', () => {
    expect(point.decide(request('otherDomain', 'read', 'retiredPort'))).toEqual({
      decision: 'deny',
      determiningPolicies: ['platform/forbid-retired'],
      errors: [],
    });
  });
});
