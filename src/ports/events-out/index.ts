/** Event output ports: every change to an output port's table as a CloudEvent. See CONTEXT.md. */
export { type ChangeCapture, changeCapture } from './capture-changes.js';
export {
  changeEvent,
  changeEventId,
  changeSource,
  keySubject,
  PORT_RESET,
  ROW_DELETED,
  ROW_UPSERTED,
} from './change-event.js';
export {
  type EventDelivery,
  type EventDeliveryOptions,
  type EventSourceRuntime,
  startEventDelivery,
} from './event-delivery.js';
export { defaultSubject, type EventsSettings, eventsSettings } from './events-settings.js';
export {
  DEFAULT_EVENT_STREAM,
  type EventPublisher,
  type EventStreamConfig,
  type NatsPublisherOptions,
  natsTarget,
  startNatsPublisher,
} from './nats-publisher.js';
export { publishCursor, savePublishCursor } from './publish-cursors.js';
export {
  assertResumable,
  type ChangeOp,
  type ChangeQuery,
  type ChangeRecord,
  lastOffset,
  prunedThrough,
  readChanges,
} from './read-changes.js';
export { changeFrame, controlFrame, HEARTBEAT_FRAME, resumeOffset } from './sse-frame.js';
export {
  type ChangeStreamEnd,
  type ChangeStreamOptions,
  type SseSink,
  streamChanges,
} from './stream-changes.js';
export {
  type DeadLetter,
  MAX_SUBSCRIPTIONS_PER_PORT,
  type NewSubscription,
  type Subscription,
  SubscriptionStore,
} from './subscription-store.js';
