import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../errors/index.js';
import { cedarString, grantPolicy } from './grant-policy.js';

describe('grantPolicy', () => {
  it('writes one permit for the principal, actions and port, with the expiry as a condition', () => {
    const policy = grantPolicy({
      id: 'req-7',
      principal: { type: 'User', id: 'alice' },
      port: 'orders.order_lines',
      actions: ['read', 'export'],
      until: '2027-01-31T00:00:00Z',
      purpose: 'quarterly "churn" report',
    });
    expect(policy).toEqual({
      id: 'grant/req-7',
      source: 'grant',
      text: [
        '@grant("req-7")',
        '@purpose("quarterly \\"churn\\" report")',
        'permit (',
        '  principal == Meshplane::User::"alice",',
        '  action in [Meshplane::Action::"read", Meshplane::Action::"export"],',
        '  resource == Meshplane::OutputPort::"orders.order_lines"',
        ')',
        'when { context.now < datetime("2027-01-31T00:00:00Z") };',
      ].join('\n'),
    });
  });

  it('grants a team through membership and reads by default', () => {
    const { text } = grantPolicy({ id: 'r', principal: { type: 'Team', id: 'finance' }, port: 'p' });
    expect(text).toContain('principal in Meshplane::Team::"finance"');
    expect(text).toContain('action in [Meshplane::Action::"read"]');
    expect(text).not.toContain('when');
  });

  it('escapes ids so that they cannot break out of the string literal', () => {
    const { text } = grantPolicy({
      id: 'r',
      principal: { type: 'User', id: 'x" , action, resource); permit(principal' },
      port: 'p\n',
    });
    expect(text).toContain('principal == Meshplane::User::"x\\" , action, resource); permit(principal"');
    expect(text).toContain('Meshplane::OutputPort::"p\\n"');
    expect(cedarString('a\\b\u0001')).toBe('"a\\\\b\\u{1}"');
  });

  it.each([
    [{ id: '', principal: { type: 'User', id: 'a' }, port: 'p' }, /grant id/],
    [{ id: 'r', principal: { type: 'Domain', id: 'a' }, port: 'p' }, /principal type 'Domain'/],
    [
      { id: 'r', principal: { type: 'User', id: 'a' }, port: 'p', actions: ['manage'] },
      /action 'manage' cannot be granted/,
    ],
    [{ id: 'r', principal: { type: 'User', id: 'a' }, port: 'p', actions: [] }, /no actions/],
    [
      { id: 'r', principal: { type: 'User', id: 'a' }, port: 'p', until: 'next tuesday' },
      /expiry 'next tuesday'/,
    ],
  ])('refuses a malformed grant (%#)', (grant, message) => {
    expect(() => grantPolicy(grant as never)).toThrow(MeshplaneError);
    expect(() => grantPolicy(grant as never)).toThrow(message);
  });
});
