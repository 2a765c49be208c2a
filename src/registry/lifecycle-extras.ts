/** Turns a deploy's lifecycle events into what the store writes with its registration. */
import { randomUUID } from 'node:crypto';
import { cloudEvent } from '../notify/index.js';
import type { WebhookSetting } from '../spec/model/mesh.js';
import type { DeployCompletionExtras } from '../store/index.js';
import type { LifecycleEvent } from './lifecycle-effects.js';

/** Whether a webhook subscribed to `type` (no list means every type). */
function wants(hook: WebhookSetting, type: string): boolean {
  return hook.events.length === 0 || hook.events.includes(type);
}

export function completionExtras(
  events: readonly LifecycleEvent[],
  actor: string,
  webhooks: readonly WebhookSetting[],
  now: Date = new Date(),
): DeployCompletionExtras {
  const cloudEvents = events.map((e) => ({
    event: e,
    cloud: cloudEvent(
      {
        source: `/meshplane/products/${e.productId}`,
        type: e.type,
        subject: e.port,
        data: { title: e.title, message: e.message, productId: e.productId, port: e.port, ...e.data },
        time: now,
      },
      { newId: randomUUID },
    ),
  }));
  return {
    audit: events.map((e) => ({
      actor,
      action: e.action,
      subject: `${e.productId}/${e.port}`,
      details: { message: e.message, ...e.data },
    })),
    notifications: events.flatMap((e) =>
      e.recipients.map((recipient) => ({
        type: e.type,
        recipient,
        title: e.title,
        message: e.message,
        productId: e.productId,
        port: e.port,
        data: e.data,
      })),
    ),
    webhooks: cloudEvents.flatMap(({ event, cloud }) =>
      webhooks.filter((h) => wants(h, event.type)).map((h) => ({ url: h.url, event: cloud })),
    ),
  };
}
