import { type CustomerVersion, customerVersions } from '../customer-profile.js';
import type { RowValues } from '../row-values.js';
import { monthsBetween } from '../shop-calendar.js';
import type { ShopWorld } from '../shop-world.js';
import { monthKey } from '../time-format.js';
import type { SourceGenerator, SourceRow } from './source-generator.js';

function values(v: CustomerVersion): RowValues {
  return {
    customer_id: v.id,
    email: v.email,
    first_name: v.firstName,
    last_name: v.lastName,
    phone: v.phone,
    birth_date: v.birthDate,
    country_code: v.countryCode,
    city: v.city,
    postal_code: v.postalCode,
    marketing_opt_in: v.marketingOptIn,
    created_at: v.createdAt,
    updated_at: v.updatedAt,
  };
}

function* rows(world: ShopWorld): Generator<SourceRow> {
  const { customers, calendar } = world;
  const initial = monthKey(calendar.windowStartMs - 1);
  const monthOf = (t: number) => (t < calendar.windowStartMs ? initial : monthKey(t));
  // One pass per file over every account's (cheap) time line, so no file's rows are held; an
  // account's versions are only built for the files they appear in.
  for (const month of [initial, ...monthsBetween(calendar.windowStartMs, calendar.referenceMs)]) {
    const file = `customers-${month}`;
    for (let index = 0; index < customers.count; index++) {
      const { createdAt, updates } = customers.timeline(index);
      if (monthOf(createdAt) !== month && !updates.some((t) => monthOf(t) === month)) continue;
      for (const version of customerVersions(world, index)) {
        if (monthOf(version.updatedAt) === month) yield { file, values: values(version) };
      }
    }
  }
}

/**
 * The CRM's customer exports: `customers-2024-12` holds every account opened before the order
 * window, then one file per month holds the accounts opened or changed in it. An account that
 * changed appears again, whole, with a later `updated_at`.
 */
export const crmCustomersSource: SourceGenerator = {
  table: 'crm_customers',
  keys: ['customer_id'],
  rows,
};
