/**
 * The `Meshplane-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the
 * scheme Stripe and others use. Signing the timestamp with the body lets a receiver refuse
 * replays older than its tolerance. Deterministic (no clock, no I/O): the caller passes the time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header's name. */
export const SIGNATURE_HEADER = 'Meshplane-Signature';

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for `body` sent at `at`. */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, t, body)}`;
}

/** Why a signature was refused, or `ok`. */
export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Checks a `Meshplane-Signature` header against the raw body a receiver got: some `v1` value must
 * be the HMAC of `"<t>.<body>"` under `secret` (several `v1` values are accepted, for a secret
 * being rotated), and `t` must be within `toleranceSec` of `now` either way. Compares in constant
 * time.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  now: Date,
  toleranceSec: number,
): SignatureCheck {
  if (header === undefined || header === '') return { ok: false, reason: 'no signature header' };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined) return { ok: false, reason: 'no timestamp in the signature header' };
  if (signatures.length === 0) return { ok: false, reason: 'no v1 signature in the signature header' };
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSec) {
    return { ok: false, reason: 'the signature timestamp is outside the tolerance' };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  const matches = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  return matches ? { ok: true } : { ok: false, reason: 'no signature matches the body' };
}
