import type { LogicalType } from '../../spec/model/data-contract.js';
import {
  NAME_RULES,
  NAME_VOCABULARY,
  NEGATING_AFTER,
  NEGATING_BEFORE,
  NEGATING_JUST_BEFORE,
} from './name-rules.js';
import { nameTokens } from './name-tokens.js';
import { type Confidence, maxConfidence, type PiiKind } from './pii-kind.js';

/** A kind of personal data suggested by a name. */
export interface NameMatch {
  readonly kind: PiiKind;
  readonly confidence: Confidence;
  /** The name that matched, as written (`customerEmail`). */
  readonly name: string;
}

/**
 * The logical types a kind can be stored as. A boolean never holds personal data by itself
 * (`email_verified`), and an e-mail address is never a number, so a name whose type rules the
 * kind out is not a finding.
 */
const ALLOWED_TYPES: Readonly<Record<PiiKind, readonly LogicalType[]>> = {
  email: ['string'],
  phone: ['string', 'integer', 'number'],
  'person-name': ['string', 'object'],
  'birth-date': ['date', 'timestamp', 'string', 'integer'],
  'postal-address': ['string', 'object', 'integer'],
  'national-id': ['string', 'integer', 'number'],
  'bank-account': ['string', 'integer', 'number'],
  'payment-card': ['string', 'integer', 'number'],
  'ip-address': ['string', 'integer'],
  'device-id': ['string'],
  'geo-location': ['number', 'string', 'object', 'array'],
};

/** Rules by first word, longest first, so the longest rule at a position wins. */
const RULES_BY_FIRST_WORD = (() => {
  const map = new Map<string, (typeof NAME_RULES)[number][]>();
  for (const rule of NAME_RULES) {
    const first = rule.words[0] ?? '';
    const list = map.get(first) ?? [];
    list.push(rule);
    map.set(first, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

/**
 * The kinds of personal data one name suggests, one match per kind (the most confident).
 * `logicalType` (the element type for arrays) rules out kinds that cannot be stored that way.
 */
export function detectByName(name: string, logicalType?: LogicalType): NameMatch[] {
  const words = nameTokens(name, NAME_VOCABULARY);
  const found = new Map<PiiKind, Confidence>();
  let i = 0;
  while (i < words.length) {
    const rule = (RULES_BY_FIRST_WORD.get(words[i] ?? '') ?? []).find(
      (r) => r.words.every((w, k) => words[i + k] === w) && (!r.exact || r.words.length === words.length),
    );
    if (rule === undefined) {
      i++;
      continue;
    }
    const end = i + rule.words.length;
    const negated =
      words.slice(end).some((w) => NEGATING_AFTER.has(w)) ||
      words.slice(0, i).some((w) => NEGATING_BEFORE.has(w)) ||
      (i > 0 && NEGATING_JUST_BEFORE.has(words[i - 1] ?? ''));
    // An object is a composite (a `Phone` type with number and extension): it may hold any kind.
    const typed =
      logicalType === undefined || logicalType === 'object' || ALLOWED_TYPES[rule.kind].includes(logicalType);
    if (!negated && typed) {
      const before = found.get(rule.kind);
      found.set(rule.kind, before === undefined ? rule.confidence : maxConfidence(before, rule.confidence));
    }
    i = end;
  }
  return [...found].map(([kind, confidence]) => ({ kind, confidence, name }));
}
