/** Notifications out of Meshplane: CloudEvents, Slack rendering, webhook delivery. See CONTEXT.md. */
export * from './cloud-event.js';
export { eventTitle, type SlackBlock, type SlackPayload, slackPayload } from './slack-payload.js';
export { type BackoffOptions, exponentialBackoff } from './webhook-backoff.js';
export {
  startWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
  type WebhookFormat,
  type WebhookOutbox,
} from './webhook-dispatcher.js';
export {
  SIGNATURE_HEADER,
  type SignatureCheck,
  signatureHeader,
  verifySignature,
} from './webhook-signature.js';
