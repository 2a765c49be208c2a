/** Cost accounting and quotas per domain: see CONTEXT.md. */

export { columnWidth, tableBytes } from './column-width.js';
export { CostBook, type CostBookOptions, type CostStore, MAX_REPORT_DAYS } from './cost-book.js';
export {
  COST_VIEWS,
  type ConsumerCost,
  type ConsumerDomainCost,
  type CostFacts,
  type CostReport,
  type CostView,
  costReport,
  type DomainCost,
  type ProductCost,
  type ProductStorage,
} from './cost-report.js';
export { formatBytes, formatDuration } from './cost-units.js';
export { NO_QUOTAS, type QuotaTable, quotaTable } from './domain-quotas.js';
export { meshQuotaReader } from './mesh-quota-reader.js';
export { attributeQuery, type MeasuredQuery, type TableRead } from './query-attribution.js';
export { QUOTA_EXCEEDED, type QuotaName, type QuotaRefusalDetails } from './quota-refusal.js';
export { domainStorageRefusal } from './storage-quota.js';
export { type CostProduct, productStorage } from './storage-usage.js';
export { estimatedRows, ROW_COUNT_TTL_MS, type TableRef, TableRowCache, tableKey } from './table-rows.js';
export { nextUtcMidnight, utcDay } from './utc-day.js';
