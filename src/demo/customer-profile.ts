import { type City, COUNTRIES, type CountryProfile } from './country-profiles.js';
import { cumulativeWeights, Random } from './random.js';
import type { ShopWorld } from './shop-world.js';
import { DAY_MS } from './time-format.js';

/** A customer account as the CRM holds it at one time: the first version or a later change. */
export interface CustomerVersion {
  readonly index: number;
  readonly id: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  /** As typed: formats vary by customer. */
  readonly phone: string | null;
  /** Midnight UTC of the birthday. */
  readonly birthDate: number | null;
  /** As the CRM holds it: usually upper case, not always. */
  readonly countryCode: string;
  /** The same, upper case. */
  readonly country: string;
  readonly city: string;
  readonly postalCode: string;
  readonly marketingOptIn: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

const COUNTRY_WEIGHTS = cumulativeWeights(COUNTRIES.map((c) => c.weight));
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com'] as const;
const FOLD: Readonly<Record<string, string>> = { ß: 'ss', ł: 'l', ø: 'o', æ: 'ae' };

function countryOf(random: Random): CountryProfile {
  return COUNTRIES[random.weighted(COUNTRY_WEIGHTS)] as CountryProfile;
}

/** Letters a to z and digits only: what an e-mail local part is made of here. */
function ascii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßłøæ]/g, (c) => FOLD[c] ?? '')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

/** A postal code of `city`: its template with `#` replaced by digits and `@` by letters. */
export function postalCode(city: City, random: Random): string {
  return city.postalCode.replace(/[#@]/g, (c) =>
    c === '#' ? String(random.int(0, 9)) : String.fromCharCode(random.int(65, 90)),
  );
}

function phone(country: CountryProfile, city: City, random: Random): string | null {
  if (random.chance(0.15)) return null;
  let subscriber = '';
  for (let i = 0; i < country.subscriberDigits; i++) subscriber += String(random.int(i === 0 ? 1 : 0, 9));
  const cc = country.dialCode;
  const area = city.areaCode;
  switch (random.int(0, 4)) {
    case 0:
      return `+${cc} ${area} ${subscriber}`;
    case 1:
      return `+${cc}${area}${subscriber}`;
    case 2:
      return `0${area} ${subscriber}`;
    case 3:
      return `(+${cc}) ${area}-${subscriber}`;
    default:
      return `00${cc} ${area} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`;
  }
}

function email(first: string, last: string, index: number, random: Random): string {
  const f = ascii(first);
  const l = ascii(last);
  const domain = random.pick(EMAIL_DOMAINS);
  const local = random.pick([
    `${f}.${l}`,
    `${f.slice(0, 1)}.${l}`,
    `${f}${l}${index % 100}`,
    `${l}.${f}`,
    `${f}_${l}`,
  ]);
  const address = `${local}@${domain}`;
  // Some people type their address with capitals; the customers transform lower-cases it.
  if (!random.chance(0.08)) return address;
  return address.replace(/(^|[.@])([a-z])/g, (_m, sep: string, c: string) => `${sep}${c.toUpperCase()}`);
}

function birthDate(referenceMs: number, random: Random): number | null {
  if (random.chance(0.18)) return null;
  const ageDays = Math.floor((18 + random.next() * 57) * 365.25);
  return Math.floor((referenceMs - ageDays * DAY_MS) / DAY_MS) * DAY_MS;
}

type Change = (v: CustomerVersion, country: CountryProfile, random: Random) => Partial<CustomerVersion>;

const CHANGES: readonly Change[] = [
  (_v, country, random) => {
    const city = random.pick(country.cities);
    return { phone: phone(country, city, random) };
  },
  (v) => ({ marketingOptIn: !v.marketingOptIn }),
  (_v, country, random) => {
    const city = random.pick(country.cities);
    return { city: city.name, postalCode: postalCode(city, random) };
  },
  (v, country, random) => ({ lastName: `${v.lastName}-${random.pick(country.lastNames)}` }),
  (v, _country, random) => ({ email: email(v.firstName, v.lastName, v.index, random) }),
];

/**
 * Every version of customer `index`, oldest first: the account as opened, then one version per
 * change (a new phone, an address, a name, an e-mail, the marketing consent). Computed from the
 * seed and the index alone.
 */
export function customerVersions(world: ShopWorld, index: number): CustomerVersion[] {
  const random = Random.of(world.seed, 'customer', index);
  const { createdAt, updates } = world.customers.timeline(index);
  const country = countryOf(random);
  const city = random.pick(country.cities);
  const firstName = random.pick(country.firstNames);
  const lastName = random.pick(country.lastNames);
  const first: CustomerVersion = {
    index,
    id: world.customers.id(index),
    email: email(firstName, lastName, index, random),
    firstName,
    lastName,
    phone: phone(country, city, random),
    birthDate: birthDate(world.calendar.referenceMs, random),
    countryCode: random.chance(0.06) ? country.code.toLowerCase() : country.code,
    country: country.code,
    city: city.name,
    postalCode: postalCode(city, random),
    marketingOptIn: random.chance(0.4),
    createdAt,
    updatedAt: createdAt,
  };
  const versions = [first];
  for (const updatedAt of updates) {
    const previous = versions[versions.length - 1] as CustomerVersion;
    const change = random.pick(CHANGES)(previous, country, random);
    versions.push({ ...previous, ...change, updatedAt });
  }
  return versions;
}

/** The version in force at time `t` (the first one if `t` is earlier). */
export function versionAt(versions: readonly CustomerVersion[], t: number): CustomerVersion {
  let current = versions[0] as CustomerVersion;
  for (const v of versions) if (v.updatedAt <= t) current = v;
  return current;
}

/**
 * Customers' versions, remembered for the most recent few thousand customers asked for: a few
 * customers place many orders, and building an account is the costliest part of an order.
 */
export class CustomerCache {
  private readonly world: ShopWorld;
  private readonly cache = new Map<number, readonly CustomerVersion[]>();

  constructor(world: ShopWorld) {
    this.world = world;
  }

  /** Customer `index` as it was at time `t`. */
  at(index: number, t: number): CustomerVersion {
    let versions = this.cache.get(index);
    if (versions === undefined) {
      if (this.cache.size >= 4096) this.cache.clear();
      versions = customerVersions(this.world, index);
      this.cache.set(index, versions);
    }
    return versionAt(versions, t);
  }
}
