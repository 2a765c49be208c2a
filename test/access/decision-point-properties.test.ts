import { describe, expect, it } from 'vitest';
import { createDecisionPoint, MESH_SCHEMA, type PolicySource } from '../../src/access/index.js';
import { RUNS, random } from './support/random.js';
import { type GeneratedPolicy, randomPolicy, randomWorld, requestFor, type World } from './support/world.js';

function sources(policies: readonly GeneratedPolicy[]): PolicySource[] {
  return policies.map((p, i) => ({ id: `p${i}`, source: 'mesh', text: p.text }));
}

function expected(policies: readonly GeneratedPolicy[], world: World) {
  const matching = (effect: 'permit' | 'forbid') =>
    policies.flatMap((p, i) => (p.effect === effect && p.holds(world) ? [`p${i}`] : [])).sort();
  const forbids = matching('forbid');
  if (forbids.length > 0) return { decision: 'deny', determiningPolicies: forbids };
  const permits = matching('permit');
  return permits.length > 0
    ? { decision: 'allow', determiningPolicies: permits }
    : { decision: 'deny', determiningPolicies: [] };
}

/**
 * Conditions that pass strict validation against the schema yet fail while evaluating: a datetime
 * overflow, and an attribute of an entity the request does not carry. Each would grant everything
 * if it did not error.
 */
const ERRORING_CONDITIONS = [
  'context.now.offset(duration("9223372036854775807ms")) > context.now || true',
  'context.now.offset(duration("106751991167d")) > context.now',
  'resource.product.owner == resource.owner || true',
] as const;

describe('decision point properties', () => {
  it('denies by default: no policy, any request', () => {
    const point = createDecisionPoint({ schema: MESH_SCHEMA, policies: [] });
    const r = random(1);
    for (let run = 0; run < RUNS; run += 1) {
      const world = randomWorld(r);
      expect(point.decide(requestFor(world))).toEqual({
        decision: 'deny',
        determiningPolicies: [],
        errors: [],
      });
    }
  });

  it('denies by default when no permit matches, even with many forbids and non-matching permits', () => {
    const r = random(2);
    for (let run = 0; run < RUNS; run += 1) {
      const world = randomWorld(r);
      const policies = Array.from({ length: 1 + r.int(8) }, () => randomPolicy(r));
      const unmatchedPermits = policies.filter((p) => p.effect === 'forbid' || !p.holds(world));
      const point = createDecisionPoint({ schema: MESH_SCHEMA, policies: sources(unmatchedPermits) });
      expect(point.decide(requestFor(world)).decision).toBe('deny');
    }
  });

  it('forbid beats permit: allow exactly when a permit matches and no forbid does', () => {
    const r = random(3);
    let sawForbidOverride = 0;
    for (let run = 0; run < RUNS * 2; run += 1) {
      const world = randomWorld(r);
      const policies = Array.from({ length: 1 + r.int(10) }, () => randomPolicy(r));
      const point = createDecisionPoint({ schema: MESH_SCHEMA, policies: sources(policies) });
      expect(point.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const answer = point.decide(requestFor(world));
      const want = expected(policies, world);
      expect(
        { decision: answer.decision, determiningPolicies: answer.determiningPolicies },
        JSON.stringify({ world, policies: policies.map((p) => p.text) }),
      ).toEqual(want);
      expect(answer.errors).toEqual([]);
      if (want.decision === 'deny' && policies.some((p) => p.effect === 'permit' && p.holds(world)))
        sawForbidOverride += 1;
    }
    // The generator must actually produce the interesting case, or the property proves little.
    expect(sawForbidOverride).toBeGreaterThan(5);
  });

  it('a permit that errors never grants, and the error is reported with its id', () => {
    const r = random(4);
    for (let run = 0; run < RUNS; run += 1) {
      const world = randomWorld(r);
      const others = Array.from({ length: r.int(6) }, () => randomPolicy(r));
      const erroring: PolicySource[] = Array.from({ length: 1 + r.int(3) }, (_, i) => ({
        id: `bad${i}`,
        source: 'mesh',
        text: `permit (principal, action, resource is Meshplane::OutputPort) when { ${r.pick(ERRORING_CONDITIONS)} };`,
      }));
      const point = createDecisionPoint({
        schema: MESH_SCHEMA,
        policies: r.shuffle([...sources(others), ...erroring]),
      });
      expect(point.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const request = requestFor(world);
      // The product entity is left out so that the dereferencing condition errors too.
      const answer = point.decide({
        ...request,
        entities: request.entities.filter((e) => !('id' in e.uid && e.uid.id === 'prod')),
      });
      const surviving = others.filter((p) => !p.text.includes('resource.product'));
      const want = expected(others, world);
      expect(answer.determiningPolicies.some((id) => id.startsWith('bad'))).toBe(false);
      expect(answer.errors.map((e) => e.policyId).filter((id) => id?.startsWith('bad'))).toEqual(
        erroring.map((e) => e.id),
      );
      if (surviving.length === others.length) expect(answer.decision).toBe(want.decision);
      else if (answer.decision === 'allow')
        expect(answer.determiningPolicies.every((id) => id.startsWith('p'))).toBe(true);
    }
  });

  it('a forbid that errors denies: it might have matched', () => {
    const point = createDecisionPoint({
      schema: MESH_SCHEMA,
      policies: [
        { id: 'open', source: 'mesh', text: 'permit (principal, action, resource);' },
        {
          id: 'guard',
          source: 'mesh',
          text: `forbid (principal, action, resource is Meshplane::OutputPort) when { ${ERRORING_CONDITIONS[0]} };`,
        },
      ],
    });
    const answer = point.decide(requestFor(randomWorld(random(5))));
    expect(answer.decision).toBe('deny');
    expect(answer.determiningPolicies).toEqual(['guard']);
    expect(answer.errors.map((e) => e.policyId)).toEqual(['guard']);
  });

  it('the order of policies never changes the answer', () => {
    const r = random(6);
    for (let run = 0; run < RUNS; run += 1) {
      const world = randomWorld(r);
      const policies = sources(Array.from({ length: 2 + r.int(10) }, () => randomPolicy(r)));
      if (r.next() < 0.3)
        policies.push({
          id: 'err',
          source: 'mesh',
          text: `permit (principal, action, resource is Meshplane::OutputPort) when { ${r.pick(ERRORING_CONDITIONS)} };`,
        });
      const first = createDecisionPoint({ schema: MESH_SCHEMA, policies }).decide(requestFor(world));
      for (let k = 0; k < 2; k += 1) {
        const shuffled = createDecisionPoint({ schema: MESH_SCHEMA, policies: r.shuffle(policies) });
        expect(shuffled.decide(requestFor(world))).toEqual(first);
      }
    }
  });

  it('refuses policies naming unknown entity types or attributes, reporting each by id, and they never grant', () => {
    const r = random(7);
    const junk = () => `x${Math.floor(r.next() * 1e6).toString(36)}`;
    for (let run = 0; run < RUNS; run += 1) {
      const bad: PolicySource[] = [
        {
          id: `type-${run}`,
          source: 'mesh',
          text: `permit (principal, action, resource is Meshplane::${junk()});`,
        },
        {
          id: `attr-${run}`,
          source: 'mesh',
          text: `permit (principal, action, resource) when { resource.${junk()} == "a" };`,
        },
        {
          id: `principal-${run}`,
          source: 'mesh',
          text: `permit (principal is Meshplane::User, action, resource) when { principal.${junk()}.contains("r1") };`,
        },
      ];
      const point = createDecisionPoint({ schema: MESH_SCHEMA, policies: r.shuffle(bad) });
      expect(point.policies).toEqual([]);
      const reported = new Set(
        point.diagnostics.filter((d) => d.code === 'access-policy-invalid').map((d) => d.policyId),
      );
      expect([...reported].sort()).toEqual(bad.map((b) => b.id).sort());
      expect(point.decide(requestFor(randomWorld(r))).decision).toBe('deny');
    }
  });
});
