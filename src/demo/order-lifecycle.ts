import type { Random } from './random.js';
import { DAY_MS, HOUR_MS, wholeSeconds } from './time-format.js';

export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'returned';

export type ScanStatus =
  | 'label_created'
  | 'picked_up'
  | 'in_transit'
  | 'out_for_delivery'
  | 'delivered'
  | 'failed_attempt'
  | 'returned_to_sender';

export type Carrier = 'dhl' | 'colissimo' | 'postnl';

export interface Timed<S extends string> {
  readonly status: S;
  readonly at: number;
}

/**
 * What happens to an order: its status changes and, once paid, its parcel's carrier scans. Times
 * run on past "now" (the reference date); the sources keep only what happened before it, so the
 * latest orders are still on their way.
 */
export interface Lifecycle {
  readonly statuses: readonly Timed<OrderStatus>[];
  /** Empty when the order was cancelled before shipping. */
  readonly scans: readonly Timed<ScanStatus>[];
}

/** Which carrier delivers to a country. */
export function carrierFor(country: string): Carrier {
  if (country === 'FR') return 'colissimo';
  if (country === 'NL' || country === 'BE') return 'postnl';
  return 'dhl';
}

/** Days from pick-up to the first delivery attempt. */
function transitDays(country: string, random: Random): number {
  if (country === 'DE') return 1;
  if (country === 'NL' || country === 'BE' || country === 'AT') return random.int(1, 2);
  if (country === 'GB' || country === 'SE') return random.int(2, 4);
  return random.int(2, 3);
}

function minutes(random: Random, min: number, max: number): number {
  return random.int(min * 60, max * 60) * 1000;
}

function hours(random: Random, min: number, max: number): number {
  return minutes(random, min * 60, max * 60);
}

/** A delivery round: out for delivery in the morning of `day`, then delivered or missed. */
function deliveryRound(day: number, random: Random): { readonly out: number; readonly end: number } {
  const out = day + 7 * HOUR_MS + minutes(random, 0, 150);
  return { out, end: out + hours(random, 1, 6) };
}

function cancelled(placedAt: number, random: Random): Lifecycle {
  const statuses: Timed<OrderStatus>[] = [{ status: 'placed', at: placedAt }];
  let at = placedAt;
  if (random.chance(0.5)) {
    at += minutes(random, 1, 15);
    statuses.push({ status: 'paid', at });
  }
  statuses.push({ status: 'cancelled', at: at + minutes(random, 10, 20 * 60) });
  return { statuses, scans: [] };
}

/**
 * The life of an order placed at `placedAt` for delivery to `country`: about 3% are cancelled,
 * 4% of parcels miss a delivery attempt, 0.6% go back to the sender and 5% of delivered orders are
 * returned by the customer.
 */
export function orderLifecycle(placedAt: number, country: string, random: Random): Lifecycle {
  if (random.chance(0.03)) return cancelled(placedAt, random);
  const paidAt = placedAt + minutes(random, 1, 15);
  const labelAt = paidAt + hours(random, 2, 20);
  // The carrier collects parcels in the afternoon (15:00 to 19:00 UTC) once they are packed.
  const packedAt = labelAt + hours(random, 1, 4);
  let pickedAt = Math.floor(packedAt / DAY_MS) * DAY_MS + 15 * HOUR_MS + minutes(random, 0, 240);
  if (pickedAt < packedAt) pickedAt += DAY_MS;
  const inTransitAt = pickedAt + hours(random, 3, 10);
  const scans: Timed<ScanStatus>[] = [
    { status: 'label_created', at: labelAt },
    { status: 'picked_up', at: pickedAt },
    { status: 'in_transit', at: inTransitAt },
  ];
  let day = Math.floor(pickedAt / DAY_MS) * DAY_MS + transitDays(country, random) * DAY_MS;
  if (day + 7 * HOUR_MS <= inTransitAt) day += DAY_MS;
  const outcome = random.next();
  const missed = outcome < 0.006 ? 2 : outcome < 0.046 ? 1 : 0;
  for (let attempt = 0; attempt < missed; attempt++) {
    const round = deliveryRound(day, random);
    scans.push({ status: 'out_for_delivery', at: round.out }, { status: 'failed_attempt', at: round.end });
    day += DAY_MS;
  }
  const statuses: Timed<OrderStatus>[] = [
    { status: 'placed', at: placedAt },
    { status: 'paid', at: paidAt },
    { status: 'shipped', at: pickedAt + minutes(random, 5, 40) },
  ];
  if (missed === 2) {
    const backAt = day + 4 * DAY_MS + hours(random, 10, 16);
    scans.push({ status: 'returned_to_sender', at: backAt });
    statuses.push({ status: 'returned', at: backAt + hours(random, 1, 3) });
  } else {
    const round = deliveryRound(day, random);
    scans.push({ status: 'out_for_delivery', at: round.out }, { status: 'delivered', at: round.end });
    statuses.push({ status: 'delivered', at: round.end + minutes(random, 1, 30) });
    if (random.chance(0.05)) {
      statuses.push({ status: 'returned', at: round.end + DAY_MS * random.int(4, 20) + hours(random, 0, 8) });
    }
  }
  return {
    statuses: statuses.map((s) => ({ status: s.status, at: wholeSeconds(s.at) })),
    scans: scans.map((s) => ({ status: s.status, at: wholeSeconds(s.at) })),
  };
}
