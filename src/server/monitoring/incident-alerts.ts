/**
 * The alerts of incident effects: the CloudEvent for each effect, to every mesh webhook that
 * subscribed to its type, and an in-app notice to the owning team. Pure; the incident service
 * writes them in the incident's transaction.
 */
import { type IncidentEffect, incidentCloudEvent } from '../../quality/monitors/index.js';
import type { WebhookSetting } from '../../spec/model/mesh.js';
import type { IncidentAlerts, NotificationInput, WebhookInput } from '../../store/index.js';

/** Who hears about an incident. */
export interface AlertRecipients {
  /** mesh.yaml `notifications.webhooks`; each gets the types it lists (every type when it lists none). */
  readonly webhooks: readonly WebhookSetting[];
  /** The owning team, told in-app; absent when the product names none. */
  readonly ownerTeam?: string;
  /** The port the incident is about, kept on the notice. */
  readonly port?: string;
}

const wants = (hook: WebhookSetting, type: string) => hook.events.length === 0 || hook.events.includes(type);

/** The webhook deliveries and notices for `effects`, in effect order. */
export function incidentAlerts(effects: readonly IncidentEffect[], to: AlertRecipients): IncidentAlerts {
  const webhooks: WebhookInput[] = [];
  const notifications: NotificationInput[] = [];
  for (const effect of effects) {
    const event = incidentCloudEvent(effect);
    for (const hook of to.webhooks) if (wants(hook, event.type)) webhooks.push({ url: hook.url, event });
    if (to.ownerTeam !== undefined && to.ownerTeam !== '') {
      notifications.push({
        type: event.type,
        recipient: to.ownerTeam,
        title: event.data.title,
        message: event.data.message,
        productId: effect.incident.key.product,
        ...(to.port === undefined ? {} : { port: to.port }),
        data: {
          incidentId: effect.incident.id,
          monitor: effect.incident.key.monitor,
          subject: effect.incident.key.subject,
        },
      });
    }
  }
  return { webhooks, notifications };
}
