import { describe, expect, it } from 'vitest';
import type { DecisionRequest } from './access-types.js';
import { createDecisionPoint } from './decision-point.js';
import { explainDecision, formatExplanation } from './explain-decision.js';
import { portEntity, userEntity } from './mesh-entities.js';
import { MESH_SCHEMA } from './mesh-schema.js';

const request = (classification: string): DecisionRequest => ({
  principal: { type: 'User', id: 'ann' },
  action: 'read',
  resource: { type: 'OutputPort', id: 'p' },
  context: { now: '2026-06-01T00:00:00Z' },
  entities: [
    userEntity({ id: 'ann' }),
    portEntity({
      id: 'p',
      product: 'prod',
      domain: 'd',
      owner: 't',
      status: 'active',
      version: '1',
      classification,
    }),
  ],
});

const point = createDecisionPoint({
  schema: MESH_SCHEMA,
  policies: [
    { id: 'open', source: 'platform', text: 'permit (principal, action, resource);' },
    {
      id: 'policies/secret.cedar',
      source: 'mesh',
      text: '// no secrets\nforbid (principal, action, resource is Meshplane::OutputPort)\n  when { resource.classification == "secret" };',
    },
    {
      id: 'broken',
      source: 'mesh',
      text: 'permit (principal, action, resource is Meshplane::OutputPort) when { resource.product.owner == resource.owner };',
    },
  ],
});

describe('explainDecision', () => {
  it('shows the forbid that beat the permit, with its text, origin and place', () => {
    const explanation = explainDecision(point, request('secret'));
    expect(explanation.decision).toBe('deny');
    expect(explanation.determining.map((p) => p.id)).toEqual(['policies/secret.cedar']);
    expect(explanation.summary).toBe('denied by 1 forbid policy (forbid beats permit)');
    expect(formatExplanation(explanation)).toBe(
      [
        'DENY: User::"ann" read OutputPort::"p"',
        'denied by 1 forbid policy (forbid beats permit)',
        '',
        'Determining policies:',
        '',
        '  policies/secret.cedar (forbid, mesh, policies/secret.cedar:2:1)',
        '    forbid (principal, action, resource is Meshplane::OutputPort)',
        '      when { resource.classification == "secret" };',
        '',
        'Errors (an erroring policy never grants):',
        '  broken: entity `Meshplane::DataProduct::"prod"` does not exist',
      ].join('\n'),
    );
  });

  it('shows the permit that allowed and the default deny', () => {
    expect(explainDecision(point, request('public')).summary).toBe(
      'allowed by 1 permit policy and no forbid policy matched',
    );
    const empty = createDecisionPoint({ schema: MESH_SCHEMA, policies: [] });
    const explanation = explainDecision(empty, request('public'));
    expect(explanation.summary).toBe('denied by default: no permit policy matched');
    expect(formatExplanation(explanation)).toBe(
      'DENY: User::"ann" read OutputPort::"p"\ndenied by default: no permit policy matched',
    );
  });

  it('says when the request itself could not be evaluated', () => {
    const explanation = explainDecision(point, { ...request('public'), context: { now: 'yesterday' } });
    expect(explanation.decision).toBe('deny');
    expect(explanation.summary).toBe('denied because the request could not be evaluated');
    expect(formatExplanation(explanation)).toContain('  request: ');
  });
});
