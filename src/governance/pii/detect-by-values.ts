import { isEmail } from './is-email.js';
import { isIban } from './is-iban.js';
import { isIpAddress } from './is-ip-address.js';
import { isLettersDigitsId, isUsSsn } from './is-national-id.js';
import { isPaymentCard } from './is-payment-card.js';
import { isPhoneNumber } from './is-phone-number.js';
import type { Confidence, PiiKind } from './pii-kind.js';
import type { PiiOptions } from './pii-options.js';

/** One value test: which kind it finds, by which check, and how much a match is worth. */
interface ValueDetector {
  readonly kind: PiiKind;
  /** Names the check in messages and reports (`luhn` says the card numbers passed the Luhn check). */
  readonly check: string;
  readonly confidence: Confidence;
  readonly test: (value: string) => boolean;
  /** Every matching value must have the same length (ids of one scheme do). */
  readonly fixedLength?: boolean;
}

const DETECTORS: readonly ValueDetector[] = [
  { kind: 'email', check: 'email-format', confidence: 'high', test: isEmail },
  { kind: 'payment-card', check: 'luhn', confidence: 'high', test: isPaymentCard },
  { kind: 'bank-account', check: 'iban-mod97', confidence: 'high', test: isIban },
  { kind: 'ip-address', check: 'ipv4-ipv6', confidence: 'high', test: isIpAddress },
  { kind: 'national-id', check: 'us-ssn', confidence: 'high', test: isUsSsn },
  { kind: 'phone', check: 'phone-format', confidence: 'medium', test: isPhoneNumber },
  {
    kind: 'national-id',
    check: 'letters-digits',
    confidence: 'low',
    test: isLettersDigitsId,
    fixedLength: true,
  },
];

/** A kind found in a property's sampled values, with the counts behind it. */
export interface ValueMatch {
  readonly kind: PiiKind;
  readonly check: string;
  readonly confidence: Confidence;
  /** Values that passed the check. */
  readonly matched: number;
  /** Non-empty values examined (the denominator of the share). */
  readonly nonEmpty: number;
  readonly share: number;
}

/** What was read of a property's samples, so a report can say how much evidence there was. */
export interface SampleStats {
  /** Entries read (at most maxValues). */
  readonly examined: number;
  readonly nonEmpty: number;
  /** Non-empty values longer than maxValueLength, counted as non-matching without being read. */
  readonly tooLong: number;
  /** True when the sample had more entries than maxValues. */
  readonly truncated: boolean;
}

/**
 * The kinds that at least `threshold` of the non-empty sampled values match. Empty values (null,
 * undefined, blank strings) are skipped; numbers and bigints are read as their decimal text;
 * anything else counts as a non-matching value. The generic letters-and-digits id is reported
 * only when no precise check matched.
 */
export function detectByValues(
  values: readonly unknown[],
  options: PiiOptions,
): { matches: ValueMatch[]; stats: SampleStats } {
  const counts = DETECTORS.map(() => 0);
  const lengths = DETECTORS.map(() => new Set<number>());
  const limit = Math.min(values.length, options.maxValues);
  let nonEmpty = 0;
  let tooLong = 0;
  for (let i = 0; i < limit; i++) {
    const text = asText(values[i]);
    if (text === '') continue;
    nonEmpty++;
    if (text === undefined) continue;
    if (text.length > options.maxValueLength) {
      tooLong++;
      continue;
    }
    const value = text.trim();
    DETECTORS.forEach((detector, d) => {
      if (!detector.test(value)) return;
      counts[d] = (counts[d] ?? 0) + 1;
      if (detector.fixedLength) lengths[d]?.add(value.length);
    });
  }
  const stats = { examined: limit, nonEmpty, tooLong, truncated: values.length > limit };
  if (nonEmpty < options.minValues) return { matches: [], stats };
  const matches: ValueMatch[] = [];
  DETECTORS.forEach((detector, d) => {
    const matched = counts[d] ?? 0;
    const share = matched / nonEmpty;
    if (share < options.threshold) return;
    if (detector.fixedLength && (lengths[d]?.size ?? 0) !== 1) return;
    if (detector.confidence === 'low' && matches.length > 0) return;
    matches.push({
      kind: detector.kind,
      check: detector.check,
      confidence: detector.confidence,
      matched,
      nonEmpty,
      share,
    });
  });
  return { matches, stats };
}

/** '' for empty values, the text of strings and numbers, undefined for values that cannot match. */
function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    // Only short strings are trimmed to decide emptiness: trimming a huge value is itself work.
    return value.length <= 1024 && value.trim() === '' ? '' : value;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}
