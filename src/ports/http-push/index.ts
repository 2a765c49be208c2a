/** The http-push input port: pushed NDJSON or JSON events, bounded, keyed, group-committed exactly once. */
export { type EventKeying, eventRecords } from './event-records.js';
export { type CommitterLimits, DEFAULT_COMMITTER_LIMITS, GroupCommitter } from './group-committer.js';
export {
  DEFAULT_EVENT_LIMITS,
  type HttpPushOptions,
  HttpPushPorts,
  type PushOutcome,
  type PushRequest,
} from './http-push-ports.js';
export { type HttpPushSettings, httpPushSettings } from './http-push-settings.js';
export { depthExcess, type EventFormat, type EventLimits, parseEvents } from './parse-events.js';
