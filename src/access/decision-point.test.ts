import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../errors/index.js';
import type { DecisionRequest } from './access-types.js';
import { createDecisionPoint } from './decision-point.js';
import { portEntity, userEntity } from './mesh-entities.js';
import { MESH_SCHEMA } from './mesh-schema.js';

const request: DecisionRequest = {
  principal: { type: 'User', id: 'ann' },
  action: 'read',
  resource: { type: 'OutputPort', id: 'p' },
  context: { now: new Date('2026-06-01T00:00:00Z'), purpose: 'audit' },
  entities: [
    userEntity({ id: 'ann', roles: ['r1'] }),
    portEntity({ id: 'p', product: 'prod', domain: 'd', owner: 't', status: 'active', version: '1' }),
  ],
};

describe('createDecisionPoint', () => {
  it('throws INVALID_INPUT only for a schema that does not parse', () => {
    expect(() => createDecisionPoint({ schema: 'namespace {', policies: [] })).toThrow(MeshplaneError);
  });

  it('passes the purpose and a Date `now` through to the policies', () => {
    const point = createDecisionPoint({
      schema: MESH_SCHEMA,
      policies: [
        {
          id: 'audit',
          source: 'mesh',
          text: 'permit (principal, action, resource) when { context has purpose && context.purpose == "audit" && context.now < datetime("2026-06-02") };',
        },
      ],
    });
    expect(point.decide(request).decision).toBe('allow');
    expect(point.decide({ ...request, context: { now: '2026-06-03T00:00:00Z' } }).decision).toBe('deny');
    expect(point.decide({ ...request, context: { now: request.context.now } }).decision).toBe('deny');
  });

  it('denies a malformed request with errors instead of throwing', () => {
    const point = createDecisionPoint({
      schema: MESH_SCHEMA,
      policies: [{ id: 'all', source: 'mesh', text: 'permit (principal, action, resource);' }],
    });
    const bad = [
      { ...request, action: 'delete' },
      { ...request, principal: { type: 'Robot', id: 'r' } },
      { ...request, resource: { type: 'OutputPort', id: '' } },
      { ...request, context: { now: new Date('nonsense') } },
      { ...request, context: { now: 'not a date' } },
      { ...request, entities: 'none' },
      { ...request, action: 'administer' },
      { ...request, entities: [{ uid: { type: 'Meshplane::User', id: 'ann' }, attrs: {}, parents: [] }] },
      null,
    ] as unknown as DecisionRequest[];
    for (const r of bad) {
      const answer = point.decide(r);
      expect(answer.decision, JSON.stringify(r)).toBe('deny');
      expect(answer.errors.length, JSON.stringify(r)).toBeGreaterThan(0);
      expect(answer.errors.every((e) => e.policyId === undefined)).toBe(true);
    }
    expect(point.decide(request).decision).toBe('allow');
  });

  it('keeps every decision point right when more of them exist than Cedar cache slots', () => {
    const points = Array.from({ length: 20 }, (_, i) =>
      createDecisionPoint({
        schema: MESH_SCHEMA,
        policies: [
          {
            id: `only-${i}`,
            source: 'mesh',
            text: `permit (principal, action, resource) when { ${i % 2 === 0} };`,
          },
        ],
      }),
    );
    for (let round = 0; round < 3; round += 1) {
      for (const [i, point] of points.entries()) {
        expect(point.decide(request)).toEqual(
          i % 2 === 0
            ? { decision: 'allow', determiningPolicies: [`only-${i}`], errors: [] }
            : { decision: 'deny', determiningPolicies: [], errors: [] },
        );
      }
    }
  });

  it('returns frozen answers and policies', () => {
    const point = createDecisionPoint({ schema: MESH_SCHEMA, policies: [] });
    expect(Object.isFrozen(point.decide(request))).toBe(true);
    expect(Object.isFrozen(point.policies)).toBe(true);
  });
});
