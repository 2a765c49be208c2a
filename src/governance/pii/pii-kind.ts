/**
 * The kinds of personal data Meshplane recognizes, what each is called in messages, and the
 * classification a property holding it should carry at least.
 */
export const PII_KINDS = [
  'email',
  'phone',
  'person-name',
  'birth-date',
  'postal-address',
  'national-id',
  'bank-account',
  'payment-card',
  'ip-address',
  'device-id',
  'geo-location',
] as const;

export type PiiKind = (typeof PII_KINDS)[number];

/** How sure a finding is: `low` findings are hints and never fail the policy on their own. */
export type Confidence = 'low' | 'medium' | 'high';

const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };

/** The stronger of two confidences. */
export function maxConfidence(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_RANK[a] >= CONFIDENCE_RANK[b] ? a : b;
}

/** True when `a` is at least as strong as `b`. */
export function atLeast(a: Confidence, b: Confidence): boolean {
  return CONFIDENCE_RANK[a] >= CONFIDENCE_RANK[b];
}

/** Words used in messages ("an e-mail address was detected ..."). */
export const PII_KIND_LABELS: Readonly<Record<PiiKind, string>> = {
  email: 'e-mail address',
  phone: 'phone number',
  'person-name': 'person name',
  'birth-date': 'birth date',
  'postal-address': 'postal address',
  'national-id': 'national identifier',
  'bank-account': 'bank account number',
  'payment-card': 'payment card number',
  'ip-address': 'IP address',
  'device-id': 'device identifier',
  'geo-location': 'geographic location',
};

/**
 * The least classification each kind calls for. Card, bank and national identifiers enable fraud
 * and identity theft on their own, so they are `restricted`; the rest identify or locate a person
 * and are `confidential`.
 */
export const SUGGESTED_CLASSIFICATION: Readonly<Record<PiiKind, 'confidential' | 'restricted'>> = {
  email: 'confidential',
  phone: 'confidential',
  'person-name': 'confidential',
  'birth-date': 'confidential',
  'postal-address': 'confidential',
  'national-id': 'restricted',
  'bank-account': 'restricted',
  'payment-card': 'restricted',
  'ip-address': 'confidential',
  'device-id': 'confidential',
  'geo-location': 'confidential',
};
