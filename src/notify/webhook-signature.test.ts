import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './webhook-signature.js';

const AT = new Date('2026-05-01T10:00:00.000Z');
const T = AT.getTime() / 1000;
const BODY = '{"specversion":"1.0","id":"e1"}';

describe('webhook signatures', () => {
  it('signs "t.body" with HMAC-SHA256 under the secret', () => {
    const expected = createHmac('sha256', 's3cret').update(`${T}.${BODY}`).digest('hex');
    expect(signatureHeader('s3cret', BODY, AT)).toBe(`t=${T},v1=${expected}`);
  });

  it('verifies its own signature within the tolerance', () => {
    const header = signatureHeader('s3cret', BODY, AT);
    expect(verifySignature('s3cret', header, BODY, new Date(AT.getTime() + 299_000), 300)).toEqual({
      ok: true,
    });
  });

  it.each([
    [
      'another secret',
      'other',
      signatureHeader('s3cret', BODY, AT),
      BODY,
      AT,
      'no signature matches the body',
    ],
    ['a changed body', 's3cret', signatureHeader('s3cret', BODY, AT), `${BODY} `, AT, 'no signature matches'],
    [
      'an old timestamp',
      's3cret',
      signatureHeader('s3cret', BODY, AT),
      BODY,
      new Date(AT.getTime() + 301_000),
      'outside the tolerance',
    ],
    ['no header', 's3cret', undefined, BODY, AT, 'no signature header'],
    ['no timestamp', 's3cret', `v1=${'a'.repeat(64)}`, BODY, AT, 'no timestamp'],
    ['no v1', 's3cret', `t=${T},v0=abc`, BODY, AT, 'no v1 signature'],
  ])('refuses %s', (_name, secret, header, body, now, reason) => {
    const check = verifySignature(secret, header, body, now, 300);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
  });

  it('accepts any of several v1 values, as during a secret rotation', () => {
    const fresh = signatureHeader('new', BODY, AT).split(',v1=')[1] ?? '';
    const header = `t=${T},v1=${'0'.repeat(64)},v1=${fresh}`;
    expect(verifySignature('new', header, BODY, AT, 300)).toEqual({ ok: true });
  });

  it('changes the signature with the timestamp, so a replay cannot be re-dated', () => {
    const header = signatureHeader('s3cret', BODY, AT);
    const redated = header.replace(`t=${T}`, `t=${T + 600}`);
    expect(verifySignature('s3cret', redated, BODY, new Date((T + 600) * 1000), 300).ok).toBe(false);
  });
});
