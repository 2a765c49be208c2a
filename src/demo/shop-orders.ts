import { type Article, CATALOG } from './catalog.js';
import { COUNTRIES } from './country-profiles.js';
import { CustomerCache, type CustomerVersion, postalCode } from './customer-profile.js';
import { type Carrier, carrierFor, type Lifecycle, orderLifecycle } from './order-lifecycle.js';
import { cumulativeWeights, Random } from './random.js';
import type { ShopWorld } from './shop-world.js';

export interface OrderLine {
  readonly lineNumber: number;
  readonly article: Article;
  readonly quantity: number;
  readonly unitPriceCents: number;
}

/** Who the parcel is addressed to. */
export interface Recipient {
  readonly name: string;
  readonly postalCode: string;
  /** Upper case ISO 3166-1 alpha-2. */
  readonly country: string;
}

/** One order with everything every source needs to know about it. */
export interface Order {
  /** 0-based, in time order. */
  readonly index: number;
  readonly id: string;
  readonly customer: CustomerVersion;
  readonly orderedAt: number;
  readonly channel: 'web' | 'app';
  readonly currency: 'EUR';
  readonly shippingCents: number;
  readonly discountCents: number;
  readonly lines: readonly OrderLine[];
  readonly recipient: Recipient;
  readonly shipment:
    | { readonly id: string; readonly carrier: Carrier; readonly trackingNumber: string }
    | undefined;
  readonly lifecycle: Lifecycle;
}

/** Lines per order, from 1 to 7: three on average. */
const LINE_COUNT_WEIGHTS = cumulativeWeights([0.25, 0.22, 0.18, 0.13, 0.1, 0.07, 0.05]);
const QUANTITY_WEIGHTS = cumulativeWeights([0.72, 0.18, 0.07, 0.015, 0.01, 0.005]);
const ARTICLE_WEIGHTS = cumulativeWeights(CATALOG.map((a) => a.popularity));
const FREE_SHIPPING_FROM_CENTS = 5000;

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

function trackingNumber(carrier: Carrier, random: Random): string {
  if (carrier === 'colissimo') return `6A${digits(random, 11)}`;
  if (carrier === 'postnl') {
    let letters = '';
    for (let i = 0; i < 4; i++) letters += String.fromCharCode(random.int(65, 90));
    return `3S${letters}${digits(random, 10)}`;
  }
  return `00340434${digits(random, 12)}`;
}

function orderLines(count: number, random: Random): OrderLine[] {
  const chosen = new Set<number>();
  const lines: OrderLine[] = [];
  for (let lineNumber = 1; lineNumber <= count; lineNumber++) {
    let pick = random.weighted(ARTICLE_WEIGHTS);
    // An article appears once per order; after a few clashes take the next free one.
    for (let tries = 0; chosen.has(pick) && tries < 8; tries++) pick = random.weighted(ARTICLE_WEIGHTS);
    while (chosen.has(pick)) pick = (pick + 1) % CATALOG.length;
    chosen.add(pick);
    const article = CATALOG[pick] as Article;
    const onSale = random.chance(0.08);
    lines.push({
      lineNumber,
      article,
      quantity: random.weighted(QUANTITY_WEIGHTS) + 1,
      unitPriceCents: onSale ? Math.round(article.priceCents * 0.8) : article.priceCents,
    });
  }
  return lines;
}

function recipient(customer: CustomerVersion, random: Random): Recipient {
  if (!random.chance(0.03)) {
    const name = `${customer.firstName} ${customer.lastName}`;
    return { name, postalCode: customer.postalCode, country: customer.country };
  }
  // A gift sent abroad.
  const country = random.pick(COUNTRIES);
  const city = random.pick(country.cities);
  const name = `${random.pick(country.firstNames)} ${random.pick(country.lastNames)}`;
  return { name, postalCode: postalCode(city, random), country: country.code };
}

function discountCents(subtotalCents: number, random: Random): number {
  if (!random.chance(0.12)) return 0;
  const voucher = random.pick([500, 1000, Math.round(subtotalCents * 0.1)]);
  return Math.min(voucher, subtotalCents);
}

/**
 * Every order of the window, oldest first, until exactly `plan.orderLines` lines have been made
 * (the last order may be cut short). An order's time comes from where its lines fall in the line
 * count, through the calendar's volume curve, so orders are in time order and their ids (`O-5001`
 * on) grow with time. Lazy: one order is in memory at a time, and iterating again replays the same
 * orders.
 */
export function* shopOrders(world: ShopWorld): Generator<Order> {
  const random = Random.of(world.seed, 'orders');
  const total = world.plan.orderLines;
  let linesBefore = 0;
  let shipments = 0;
  const customers = new CustomerCache(world);
  for (let index = 0; linesBefore < total; index++) {
    const count = Math.min(random.weighted(LINE_COUNT_WEIGHTS) + 1, total - linesBefore);
    const orderedAt = world.calendar.orderTime((linesBefore + random.next() * count) / total);
    linesBefore += count;
    const customerIndex = world.customers.pickBuyer(orderedAt, random);
    const customer = customers.at(customerIndex, orderedAt);
    const lines = orderLines(count, random);
    const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
    const to = recipient(customer, random);
    const lifecycle = orderLifecycle(orderedAt, to.country, random);
    const carrier = carrierFor(to.country);
    const shipped = lifecycle.scans.length > 0;
    yield {
      index,
      id: `O-${5001 + index}`,
      customer,
      orderedAt,
      channel: random.chance(0.35) ? 'app' : 'web',
      currency: 'EUR',
      shippingCents: subtotal >= FREE_SHIPPING_FROM_CENTS ? 0 : to.country === 'DE' ? 490 : 690,
      discountCents: discountCents(subtotal, random),
      lines,
      recipient: to,
      shipment: shipped
        ? { id: `SH-${7001 + shipments++}`, carrier, trackingNumber: trackingNumber(carrier, random) }
        : undefined,
      lifecycle,
    };
  }
}
