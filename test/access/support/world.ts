import {
  type DecisionRequest,
  type MeshEntity,
  portEntity,
  productEntity,
  userEntity,
} from '../../../src/access/index.js';
import type { Random } from './random.js';

/**
 * A random request about one user and one output port, and a random policy language small enough
 * to evaluate by hand in TypeScript: each generated policy carries a `holds` that says whether its
 * condition is true for the world, so tests compute the expected decision independently of Cedar.
 */
export const ROLES = ['r1', 'r2', 'r3', 'r4'] as const;
export const CLASSIFICATIONS = ['public', 'internal', 'restricted', 'confidential'] as const;
export const TAGS = ['t1', 't2', 't3'] as const;
export const DATA_ACTIONS = ['read', 'subscribe', 'export'] as const;

export interface World {
  readonly roles: readonly string[];
  readonly classification: string;
  readonly tags: readonly string[];
  readonly action: (typeof DATA_ACTIONS)[number];
}

export interface GeneratedPolicy {
  readonly effect: 'permit' | 'forbid';
  readonly text: string;
  readonly holds: (world: World) => boolean;
}

export function randomWorld(r: Random): World {
  return {
    roles: r.subset(ROLES),
    classification: r.pick(CLASSIFICATIONS),
    tags: r.subset(TAGS),
    action: r.pick(DATA_ACTIONS),
  };
}

interface Condition {
  readonly text: string;
  readonly holds: (world: World) => boolean;
}

function randomAtom(r: Random): Condition {
  switch (r.int(4)) {
    case 0: {
      const role = r.pick(ROLES);
      return { text: `principal.roles.contains("${role}")`, holds: (w) => w.roles.includes(role) };
    }
    case 1: {
      const c = r.pick(CLASSIFICATIONS);
      return { text: `resource.classification == "${c}"`, holds: (w) => w.classification === c };
    }
    case 2: {
      const tag = r.pick(TAGS);
      return { text: `resource.product.tags.contains("${tag}")`, holds: (w) => w.tags.includes(tag) };
    }
    default:
      return { text: 'true', holds: () => true };
  }
}

export function randomPolicy(
  r: Random,
  effect: 'permit' | 'forbid' = r.pick(['permit', 'forbid']),
): GeneratedPolicy {
  const a = randomAtom(r);
  const b = randomAtom(r);
  const both = r.next() < 0.4;
  const scoped = r.next() < 0.5 ? r.pick(DATA_ACTIONS) : undefined;
  const action = scoped === undefined ? 'action' : `action == Meshplane::Action::"${scoped}"`;
  const condition = both ? `${a.text} && ${b.text}` : a.text;
  return {
    effect,
    text: `${effect} (principal, ${action}, resource is Meshplane::OutputPort) when { ${condition} };`,
    holds: (w) => (scoped === undefined || scoped === w.action) && a.holds(w) && (!both || b.holds(w)),
  };
}

/** The entities and request of a world: user `u` asks to act on port `p` of product `prod`. */
export function requestFor(world: World, entities?: MeshEntity[]): DecisionRequest {
  return {
    principal: { type: 'User', id: 'u' },
    action: world.action,
    resource: { type: 'OutputPort', id: 'p' },
    context: { now: '2026-06-01T00:00:00Z' },
    entities: entities ?? [
      userEntity({ id: 'u', roles: world.roles, teams: ['consumers'], domain: 'sales' }),
      productEntity({
        id: 'prod',
        domain: 'orders',
        owner: 'orders-team',
        status: 'active',
        tags: world.tags,
      }),
      portEntity({
        id: 'p',
        product: 'prod',
        domain: 'orders',
        owner: 'orders-team',
        status: 'active',
        classification: world.classification,
        version: '1.0.0',
      }),
    ],
  };
}
