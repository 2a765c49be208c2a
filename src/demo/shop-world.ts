import { CustomerBase } from './customer-base.js';
import type { ScalePlan } from './scale.js';
import { type ShopCalendar, shopCalendar } from './shop-calendar.js';

/** What every part of the generator shares: the seed, the size, the time frame and the customers. */
export interface ShopWorld {
  readonly seed: number;
  readonly plan: ScalePlan;
  readonly calendar: ShopCalendar;
  readonly customers: CustomerBase;
}

/** The world of one generation. Cheap: only the customers' buying weights are computed up front. */
export function createShopWorld(seed: number, plan: ScalePlan, referenceMs: number): ShopWorld {
  const calendar = shopCalendar(referenceMs);
  return { seed, plan, calendar, customers: new CustomerBase(seed, plan.customers, calendar) };
}
