/**
 * Server-sent events frames (the WHATWG `text/event-stream` format). Pure. A change travels as an
 * unnamed event (`onmessage` gets it) whose `id` is its offset, so a reconnecting EventSource
 * resumes with `Last-Event-ID`; control messages are named events.
 */
import type { CloudEvent } from '../../notify/cloud-event.js';

/** A field value may not hold line breaks: each line becomes a `data:` line of its own. */
function dataLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}`)
    .join('\n');
}

/** A change event: `id: <offset>` and the CloudEvent as JSON. */
export function changeFrame(offset: number, event: CloudEvent): string {
  return `id: ${offset}\n${dataLines(JSON.stringify(event))}\n\n`;
}

/** A named control event (`overflow`, `shutdown`) saying where to resume; `retry` asks clients to wait before reconnecting. */
export function controlFrame(
  name: string,
  data: Readonly<Record<string, unknown>>,
  retryMs?: number,
): string {
  const retry = retryMs === undefined ? '' : `retry: ${Math.max(0, Math.trunc(retryMs))}\n`;
  return `event: ${name}\n${retry}${dataLines(JSON.stringify(data))}\n\n`;
}

/** A comment line: keeps proxies and clients from timing an idle stream out. */
export const HEARTBEAT_FRAME = ': heartbeat\n\n';

/** The offset a client asks to resume after: `Last-Event-ID` wins over `?after=` (EventSource reconnects keep the URL). */
export function resumeOffset(after: number | undefined, lastEventId: string | undefined): number {
  if (lastEventId !== undefined && /^\d{1,15}$/.test(lastEventId.trim())) return Number(lastEventId.trim());
  return after ?? 0;
}
