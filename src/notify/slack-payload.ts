/**
 * A CloudEvent as a Slack message (`{ text, blocks }`, what Slack's incoming webhooks and most
 * Slack-compatible chat tools accept). Pure. Used for webhooks configured with the `slack` format
 * instead of the CloudEvent itself.
 */
import type { CloudEvent } from './cloud-event.js';

/** A Slack Block Kit block; only the kinds this module writes. */
export type SlackBlock =
  | { readonly type: 'header'; readonly text: { readonly type: 'plain_text'; readonly text: string } }
  | {
      readonly type: 'section';
      readonly text?: { readonly type: 'mrkdwn'; readonly text: string };
      readonly fields?: readonly { readonly type: 'mrkdwn'; readonly text: string }[];
    }
  | {
      readonly type: 'context';
      readonly elements: readonly { readonly type: 'mrkdwn'; readonly text: string }[];
    };

/** What is POSTed to a Slack incoming webhook. */
export interface SlackPayload {
  /** The notification text, also shown where blocks are not (phone notifications). */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** Slack's limits: header text 150 characters, section text 3000, 10 fields of 2000. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_MAX = 10;

/** Slack reads `&`, `<` and `>` as markup; everything else is literal. */
function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `dev.meshplane.contract.breaking-change-refused` → `Contract breaking change refused`. */
export function eventTitle(type: string): string {
  const words = type
    .replace(/^dev\.meshplane\./, '')
    .split(/[.\-_]/)
    .filter((w) => w !== '');
  const sentence = words.join(' ');
  return sentence === '' ? type : sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function stringField(data: unknown, key: string): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The data's scalar members other than title and message, as `*key*: value` fields. */
function dataFields(data: unknown): { type: 'mrkdwn'; text: string }[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>)
    .filter(([key, value]) => key !== 'title' && key !== 'message' && isScalar(value))
    .slice(0, FIELDS_MAX)
    .map(([key, value]) => ({
      type: 'mrkdwn',
      text: clip(`*${escapeMrkdwn(key)}*\n${escapeMrkdwn(String(value))}`, FIELD_MAX),
    }));
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The event as a Slack message: a header (the data's `title`, else a title made from the type),
 * the data's `message` as a section, its other scalar members as fields, and the subject, source
 * and time as context.
 */
export function slackPayload(event: CloudEvent): SlackPayload {
  const title = stringField(event.data, 'title') ?? eventTitle(event.type);
  const message = stringField(event.data, 'message');
  const fields = dataFields(event.data);
  const about = event.subject === undefined ? '' : ` (${event.subject})`;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title, HEADER_MAX) } },
  ];
  if (message !== undefined) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(escapeMrkdwn(message), SECTION_MAX) },
    });
  }
  if (fields.length > 0) blocks.push({ type: 'section', fields });
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: escapeMrkdwn(
          `${event.subject === undefined ? '' : `${event.subject} · `}${event.source} · ${event.time}`,
        ),
      },
    ],
  });
  return { text: `${title}${about}${message === undefined ? '' : `: ${message}`}`, blocks };
}
