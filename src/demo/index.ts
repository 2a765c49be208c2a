/**
 * The demo data generator: seeded, deterministic source files for the shop mesh's input
 * contracts. See CONTEXT.md.
 */

export {
  DEFAULT_BAD_ROW_RATE,
  DEFAULT_SEED,
  type GenerateShopDataOptions,
  type GenerateShopDataResult,
  generateShopData,
} from './generate-shop-data.js';
export type { SkippedInput } from './input-contracts.js';
export type { GenerateProgress } from './progress.js';
export {
  parseScale,
  resolveScale,
  SCALE_ORDER_LINES,
  type ScalePlan,
  type ShopScale,
  type ShopScaleName,
} from './scale.js';
export { DEFAULT_REFERENCE_DATE } from './shop-calendar.js';
export type { SourceReport } from './write-source.js';
