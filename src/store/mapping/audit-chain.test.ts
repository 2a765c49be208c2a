import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH } from '../model/audit-model.js';
import { auditHash, brokenLink, canonicalJson, chainAuditEvents } from './audit-chain.js';

const AT = '2026-05-01T10:00:00.000Z';
const GENESIS = { seq: 0, hash: AUDIT_GENESIS_HASH };

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([undefined, Number.NaN, 'é"'])).toBe('[null,null,"é\\""]');
    expect(canonicalJson(null)).toBe('null');
  });
});

describe('audit chain', () => {
  it('hashes the previous hash followed by the canonical content', () => {
    const content = { seq: 1, at: AT, actor: 'zoe', action: 'a', subject: 's', details: null };
    const expected = createHash('sha256')
      .update(
        `${AUDIT_GENESIS_HASH}{"action":"a","actor":"zoe","at":"${AT}","details":null,"seq":1,"subject":"s"}`,
      )
      .digest('hex');
    expect(auditHash(AUDIT_GENESIS_HASH, content)).toBe(expected);
  });

  it('numbers events after the head, links each to the one before, and stores details as JSON reads them', () => {
    const events = chainAuditEvents(
      GENESIS,
      [
        {
          actor: 'zoe',
          action: 'contract.deprecate',
          subject: 'sales.orders/orders',
          details: { at: new Date(0) },
        },
        { actor: 'system', action: 'contract.retire', subject: 'sales.orders/orders' },
      ],
      AT,
    );
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(events[0]?.prevHash).toBe(AUDIT_GENESIS_HASH);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(events[0]?.details).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    expect(events[1]).not.toHaveProperty('details');
    expect(brokenLink(GENESIS, events[0] as never)).toBeUndefined();
    expect(brokenLink({ seq: 1, hash: events[0]?.hash ?? '' }, events[1] as never)).toBeUndefined();

    const more = chainAuditEvents(
      { seq: 2, hash: events[1]?.hash ?? '' },
      [{ actor: 'a', action: 'b', subject: 'c' }],
      AT,
    );
    expect(more[0]?.seq).toBe(3);
    expect(brokenLink({ seq: 2, hash: events[1]?.hash ?? '' }, more[0] as never)).toBeUndefined();
  });

  it('names what breaks a link: a gap, another prev_hash, or changed content', () => {
    const [first, second] = chainAuditEvents(
      GENESIS,
      [
        { actor: 'zoe', action: 'a', subject: 's', details: { n: 1 } },
        { actor: 'zoe', action: 'b', subject: 's' },
      ],
      AT,
    );
    if (first === undefined || second === undefined) throw new Error('two events expected');
    const link = { seq: 1, hash: first.hash };
    expect(brokenLink(GENESIS, second)).toContain('expected seq 1');
    expect(brokenLink({ seq: 1, hash: 'f'.repeat(64) }, second)).toContain('prev_hash does not match');
    expect(brokenLink(GENESIS, { ...first, details: { n: 2 } })).toContain('hash does not match');
    expect(brokenLink(link, { ...second, actor: 'mallory' })).toContain('hash does not match');
  });

  it('refuses details JSON cannot hold', () => {
    expect(() =>
      chainAuditEvents(GENESIS, [{ actor: 'a', action: 'b', subject: 'c', details: 1n }], AT),
    ).toThrow('cannot be stored as JSON');
  });
});
