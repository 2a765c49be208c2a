import { PII_KIND_LABELS } from './pii-kind.js';
import type { PropertyPii } from './property-pii.js';

/** What each value check says about the values that passed it. */
const CHECK_WORDS: Readonly<Record<string, string>> = {
  'email-format': 'are e-mail addresses',
  luhn: 'are card numbers passing the Luhn check',
  'iban-mod97': 'are IBANs passing the mod-97 check',
  'ipv4-ipv6': 'are IPv4 or IPv6 addresses',
  'us-ssn': 'are US Social Security Numbers',
  'phone-format': 'are phone numbers',
  'letters-digits': 'are fixed-length letter-and-digit codes shaped like national ids',
};

/**
 * The evidence in words, for messages: `e-mail address, by name \`contact_email\`; by values:
 * 48 of 50 sampled values are e-mail addresses`.
 */
export function describeEvidence(found: PropertyPii): string {
  const parts: string[] = [];
  if (found.declared) parts.push('declared by its `pii` tag or custom property');
  for (const match of found.byName) {
    parts.push(`${PII_KIND_LABELS[match.kind]} by name \`${match.name}\` (${match.confidence} confidence)`);
  }
  for (const match of found.byValues) {
    const words = CHECK_WORDS[match.check] ?? `match ${match.check}`;
    parts.push(
      `${PII_KIND_LABELS[match.kind]} by values: ${match.matched} of ${match.nonEmpty} non-empty sampled values ${words} (${match.confidence} confidence)`,
    );
  }
  return parts.join('; ');
}
