/**
 * PII detection: which properties of a data contract hold personal data, judged by their names
 * and by sampled values, and the policy finding for each (unclassified PII is an error).
 */
export { detectByName, type NameMatch } from './detect-by-name.js';
export { detectByValues, type SampleStats, type ValueMatch } from './detect-by-values.js';
export {
  type DetectPiiOptions,
  detectContractPii,
  detectPii,
  type PiiReport,
  type PiiSamples,
} from './detect-pii.js';
export { isEmail } from './is-email.js';
export { isIban } from './is-iban.js';
export { isIpAddress, isIpv4, isIpv6 } from './is-ip-address.js';
export { isLettersDigitsId, isUsSsn } from './is-national-id.js';
export { isLuhnValid, isPaymentCard } from './is-payment-card.js';
export { isE164, isPhoneNumber } from './is-phone-number.js';
export {
  type Confidence,
  PII_KIND_LABELS,
  PII_KINDS,
  type PiiKind,
  SUGGESTED_CLASSIFICATION,
} from './pii-kind.js';
export { DEFAULT_PII_OPTIONS, type PiiOptions, resolvePiiOptions } from './pii-options.js';
export { PII_CODES, type PiiCode, type PiiLocation, piiFinding } from './pii-policy.js';
export type { PropertyPii } from './property-pii.js';
