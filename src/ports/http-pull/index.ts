/** The `http-pull` input port: polls a JSON API on a schedule and stores new records exactly once. */
export type { FetchedPage, PullEnvironment } from './fetch-page.js';
export {
  type HeaderValue,
  HTTP_PULL_DEFAULTS,
  type HttpPullConfig,
  type HttpPullLimits,
  type HttpPullRetry,
  httpPullConfig,
  type Pagination,
  type WatermarkSetting,
} from './http-pull-config.js';
export {
  createHttpPullSource,
  type HttpPullSourceOptions,
  httpPullSourceFactory,
} from './http-pull-source.js';
export {
  decodeCheckpoint,
  encodeCheckpoint,
  type PagePosition,
  type PullCheckpoint,
} from './pull-checkpoint.js';
export { type PullOutcome, pullPages } from './pull-pages.js';
export type { PullSchedule } from './pull-schedule.js';
