import type { Confidence, PiiKind } from './pii-kind.js';

/**
 * The word sequences that name personal data, on the words `nameTokens` produces. A rule matches
 * a contiguous run of words anywhere in the name (`billing_street_address`), longest rule first,
 * unless `exact`, where the name must be those words and nothing else (`long` alone is a
 * longitude; `long_description` is not).
 */
export interface NameRule {
  readonly words: readonly string[];
  readonly kind: PiiKind;
  readonly confidence: Confidence;
  readonly exact?: boolean;
}

/** People whose `<noun>_name` is a person's name (`customer_name`, unlike `product_name`). */
const PERSON_NOUNS = [
  'customer',
  'client',
  'user',
  'person',
  'employee',
  'contact',
  'receiver',
  'recipient',
  'sender',
  'payee',
  'payer',
  'patient',
  'member',
  'holder',
  'cardholder',
  'owner',
  'reviewer',
  'beneficiary',
  'passenger',
  'guest',
  'student',
  'applicant',
  'candidate',
  'buyer',
  'subscriber',
];

function rules(kind: PiiKind, confidence: Confidence, ...names: string[]): NameRule[] {
  return names.map((name) => ({ words: name.split(' '), kind, confidence }));
}

export const NAME_RULES: readonly NameRule[] = [
  ...rules('email', 'high', 'email', 'e mail', 'email address', 'mail address'),
  ...rules('phone', 'high', 'phone', 'telephone', 'phone number', 'mobile phone', 'mobile number', 'msisdn'),
  ...rules('phone', 'high', 'cell phone', 'cellphone', 'fax number'),
  ...rules('phone', 'medium', 'mobile', 'tel', 'fax', 'cell number'),
  ...rules('person-name', 'high', 'first name', 'last name', 'middle name', 'full name', 'given name'),
  ...rules('person-name', 'high', 'family name', 'surname', 'forename', 'maiden name', 'firstname'),
  ...rules('person-name', 'high', 'lastname', 'fullname', 'surnames'),
  ...rules('person-name', 'medium', 'fname', 'lname', ...PERSON_NOUNS.map((noun) => `${noun} name`)),
  ...rules('birth-date', 'high', 'birth date', 'date of birth', 'dob', 'birthday', 'birthdate', 'birth day'),
  ...rules('birth-date', 'low', 'birth year', 'year of birth'),
  ...rules('postal-address', 'high', 'street address', 'home address', 'postal address', 'mailing address'),
  ...rules(
    'postal-address',
    'high',
    'billing address',
    'shipping address',
    'address line',
    'residential address',
  ),
  ...rules('postal-address', 'medium', 'address', 'street', 'house number', 'zip', 'zip code', 'zipcode'),
  ...rules('postal-address', 'medium', 'postcode', 'postal code', 'post code'),
  ...rules('national-id', 'high', 'ssn', 'social security number', 'social security', 'national id'),
  ...rules('national-id', 'high', 'national identification number', 'national identity number', 'nino'),
  ...rules('national-id', 'high', 'passport', 'tax id', 'taxpayer id', 'tax identification number'),
  ...rules('national-id', 'high', 'driver license', 'drivers license', 'driving license', 'id card number'),
  ...rules('national-id', 'medium', 'nin', 'tin', 'personal id', 'identity number', 'tax number'),
  ...rules('bank-account', 'high', 'iban', 'bban', 'bank account', 'bank account number'),
  ...rules('bank-account', 'medium', 'account number', 'acct number', 'acct'),
  ...rules('payment-card', 'high', 'card number', 'credit card', 'debit card', 'cc number', 'cvv', 'cvc'),
  ...rules('payment-card', 'high', 'primary account number', 'payment card'),
  ...rules('payment-card', 'medium', 'pan'),
  ...rules('payment-card', 'low', 'card'),
  ...rules('ip-address', 'high', 'ip', 'ip address', 'ipv 4', 'ipv 6', 'ipaddress', 'remote address'),
  ...rules('ip-address', 'medium', 'x forwarded for'),
  ...rules('device-id', 'high', 'device id', 'device identifier', 'idfa', 'idfv', 'gaid', 'advertising id'),
  ...rules('device-id', 'high', 'imei', 'mac address', 'udid', 'android id'),
  ...rules('device-id', 'medium', 'ad id', 'device fingerprint'),
  ...rules('geo-location', 'medium', 'latitude', 'longitude', 'lat', 'lng', 'lon', 'geo long', 'gps'),
  ...rules('geo-location', 'medium', 'geo location', 'geolocation', 'geo point', 'geohash'),
  ...rules('geo-location', 'low', 'coordinates'),
  { words: ['long'], kind: 'geo-location', confidence: 'medium', exact: true },
];

/**
 * Words that, anywhere after the match, say the property is about the personal data rather than
 * the data itself: a surrogate key pointing at it (`email_address_id`: the address lives in the
 * referenced table), a flag (`email_verified`), a count, a type, a timestamp, a setting.
 */
export const NEGATING_AFTER: ReadonlySet<string> = new Set([
  'id',
  'ids',
  'key',
  'pk',
  'fk',
  'ref',
  'uuid',
  'guid',
  'type',
  'kind',
  'category',
  'class',
  'count',
  'cnt',
  'total',
  'flag',
  'verified',
  'validated',
  'valid',
  'validity',
  'confirmed',
  'enabled',
  'disabled',
  'opt',
  'optin',
  'optout',
  'consent',
  'status',
  'format',
  'length',
  'len',
  'domain',
  'provider',
  'template',
  'sent',
  'bounced',
  'bounce',
  'preference',
  'preferences',
  'visible',
  'required',
  'changed',
  'updated',
  'created',
  'modified',
  'at',
  'on',
  'date',
  'time',
  'timestamp',
  'version',
  'policy',
  'port',
  'range',
  'mask',
  'subnet',
  'block',
  'allowlist',
  'blocklist',
  'rule',
  'pattern',
  'regex',
  'score',
  'country',
  'prefix',
  'code',
  'app',
  'os',
  'platform',
  'browser',
  'carrier',
  'plan',
  'expiry',
  'exp',
  'expiration',
  'brand',
  'network',
  'issuer',
  'file',
  'precision',
  'accuracy',
]);

/**
 * Words right before the match that make it a count, a bound or something else's address
 * (`num_phones`, `number_of_emails`, `max_lat`, `wallet_address`).
 */
export const NEGATING_JUST_BEFORE: ReadonlySet<string> = new Set([
  'number',
  'of',
  'count',
  'cnt',
  'total',
  'n',
  'max',
  'min',
  'avg',
  'wallet',
  'web',
  'url',
  'host',
  'server',
  'memory',
  'contract',
  'token',
  'node',
  'gift',
  'loyalty',
  'library',
  'sim',
  'report',
]);

/** Words anywhere before the match that make the property a boolean (`is_primary_email`). */
export const NEGATING_BEFORE: ReadonlySet<string> = new Set([
  'is',
  'has',
  'can',
  'should',
  'allow',
  'allowed',
]);

/** Words the glued-name splitter may use, on top of the rule and negation words. */
const EXTRA_WORDS = [
  'line',
  'bill',
  'ship',
  'home',
  'work',
  'primary',
  'secondary',
  'login',
  'source',
  'remote',
];

/**
 * Every word a glued name (`nationalidnumber`) may be split into. Words shorter than three letters
 * are left out (but `ip`, `id`, `cc`) so that `ipad` is not read as `ip` + `ad`.
 */
export const NAME_VOCABULARY: ReadonlySet<string> = new Set(
  [
    ...NAME_RULES.flatMap((r) => r.words),
    ...NEGATING_AFTER,
    ...NEGATING_JUST_BEFORE,
    ...NEGATING_BEFORE,
    ...PERSON_NOUNS,
    ...EXTRA_WORDS,
  ].filter((w) => w.length >= 3 || w === 'ip' || w === 'id' || w === 'cc'),
);
