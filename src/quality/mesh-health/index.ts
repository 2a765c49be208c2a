/**
 * The mesh's success metrics: time to create a data product, SLA adherence, freshness, active
 * consumers, cross-domain reuse, domains on the platform, open incidents. Pure: data in, data
 * out; see CONTEXT.md.
 */
export { type BundleDescriptorFacts, bundleDescriptorFacts } from './bundle-descriptor.js';
export { consumerDomains } from './consumer-domains.js';
export { quantile, summarizeDurations } from './duration-summary.js';
export {
  DEFAULT_CONSUMER_DAYS,
  type HealthDomainInput,
  type HealthOutputInput,
  type HealthProductInput,
  type HealthSlaInput,
  type HealthTeamInput,
  type HealthUsageInput,
  MAX_CONSUMER_DAYS,
  type MeshHealthInput,
} from './health-input.js';
export type * from './health-report.js';
export { meshHealth } from './mesh-health.js';
export { MESH_HEALTH_REPORT_SCHEMA } from './report-schema.js';
export { productCreation } from './time-to-create.js';
