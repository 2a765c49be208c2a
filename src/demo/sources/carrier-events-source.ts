import type { Carrier, ScanStatus, Timed } from '../order-lifecycle.js';
import { Random } from '../random.js';
import type { RowValues } from '../row-values.js';
import { type Order, shopOrders } from '../shop-orders.js';
import type { ShopWorld } from '../shop-world.js';
import { monthKey } from '../time-format.js';
import type { SourceGenerator, SourceRow } from './source-generator.js';

/** Each carrier numbers its events its own way (as in the `tests/` sample). */
const EVENT_IDS: Readonly<
  Record<Carrier, { readonly prefix: string; readonly first: number; readonly width: number }>
> = {
  dhl: { prefix: 'dhl', first: 88_000_000, width: 8 },
  colissimo: { prefix: 'col', first: 5_500_000, width: 7 },
  postnl: { prefix: 'pnl', first: 900_000, width: 7 },
};

/** Carriers resend about 1% of events; about 5% of parcels have two scans reported out of order. */
const RESEND_RATE = 0.01;
const OUT_OF_ORDER_RATE = 0.05;

function scanValues(order: Order, scan: Timed<ScanStatus>, eventId: string): RowValues {
  const shipment = order.shipment;
  const carrier = shipment?.carrier ?? 'dhl';
  return {
    event_id: eventId,
    shipment_id: shipment?.id ?? null,
    order_id: order.id,
    carrier,
    tracking_number: shipment?.trackingNumber ?? null,
    status: scan.status,
    event_at: scan.at,
    recipient_name: order.recipient.name,
    destination_postal_code: order.recipient.postalCode,
    // Colissimo reports countries in lower case; the shipments transform upper-cases them.
    destination_country:
      carrier === 'colissimo' ? order.recipient.country.toLowerCase() : order.recipient.country,
  };
}

function* rows(world: ShopWorld): Generator<SourceRow> {
  const random = Random.of(world.seed, 'carrier-feed');
  const next: Record<Carrier, number> = { dhl: 0, colissimo: 0, postnl: 0 };
  for (const order of shopOrders(world)) {
    if (order.shipment === undefined) continue;
    const { carrier } = order.shipment;
    const ids = EVENT_IDS[carrier];
    const file = monthKey(order.orderedAt);
    const events = order.lifecycle.scans
      .filter((scan) => scan.at < world.calendar.referenceMs)
      .map((scan) => {
        next[carrier] += random.int(1, 40);
        const id = `${ids.prefix}-${String(ids.first + next[carrier]).padStart(ids.width, '0')}`;
        return scanValues(order, scan, id);
      });
    if (events.length > 1 && random.chance(OUT_OF_ORDER_RATE)) {
      const i = random.int(0, events.length - 2);
      [events[i], events[i + 1]] = [events[i + 1] as RowValues, events[i] as RowValues];
    }
    for (const values of events) {
      yield { file, values };
      if (random.chance(RESEND_RATE)) yield { file, values };
    }
  }
}

/**
 * The carriers' tracking events, normalized by the carrier integration: one row per scan of a
 * parcel before "now", a few resent (same `event_id`) or out of order, one file per month of order
 * date.
 */
export const carrierEventsSource: SourceGenerator = {
  table: 'carrier_events',
  keys: ['event_id', 'shipment_id', 'order_id'],
  rows,
};
