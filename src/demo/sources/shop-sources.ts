import { carrierEventsSource } from './carrier-events-source.js';
import { crmCustomersSource } from './crm-customers-source.js';
import { shopOrderLinesSource } from './shop-order-lines-source.js';
import { shopOrdersSource } from './shop-orders-source.js';
import type { SourceGenerator } from './source-generator.js';
import { warehouseStockSource } from './warehouse-stock-source.js';

/**
 * Every source system of the shop demo, by the table its input contracts declare. The one place
 * where generators are wired: add a source here.
 */
export const SHOP_SOURCES: ReadonlyMap<string, SourceGenerator> = new Map(
  [crmCustomersSource, shopOrdersSource, shopOrderLinesSource, carrierEventsSource, warehouseStockSource].map(
    (source) => [source.table, source] as const,
  ),
);
