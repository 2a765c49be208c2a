import { describe, expect, it } from 'vitest';
import { CONTRACT_BREAKING_CHANGE_REFUSED, cloudEvent } from './cloud-event.js';
import { eventTitle, slackPayload } from './slack-payload.js';

const AT = new Date('2026-05-01T10:00:00.000Z');

describe('slackPayload', () => {
  it('renders title, message, scalar fields and context, escaping Slack markup', () => {
    const event = cloudEvent(
      {
        source: '/meshplane',
        type: 'dev.meshplane.contract.deprecated',
        subject: 'sales.orders/orders',
        data: {
          title: 'orders v1 is deprecated',
          message: 'Move to v2 <before> June & after',
          sunset: '2026-06-30',
          consumers: 3,
          nested: { skipped: true },
        },
      },
      { newId: () => 'e1', now: () => AT },
    );
    expect(slackPayload(event)).toEqual({
      text: 'orders v1 is deprecated (sales.orders/orders): Move to v2 <before> June & after',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'orders v1 is deprecated' } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Move to v2 &lt;before&gt; June &amp; after' } },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*sunset*\n2026-06-30' },
            { type: 'mrkdwn', text: '*consumers*\n3' },
          ],
        },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: 'sales.orders/orders · /meshplane · 2026-05-01T10:00:00.000Z' }],
        },
      ],
    });
  });

  it('titles an event from its type when its data has no title, and clips long headers', () => {
    const event = cloudEvent(
      { source: '/m', type: CONTRACT_BREAKING_CHANGE_REFUSED, data: 'plain' },
      { newId: () => 'e', now: () => AT },
    );
    const payload = slackPayload(event);
    expect(payload.text).toBe('Contract breaking change refused');
    expect(payload.blocks.map((b) => b.type)).toEqual(['header', 'context']);

    const long = slackPayload({ ...event, data: { title: 'x'.repeat(400) } });
    const header = long.blocks[0];
    expect(header?.type === 'header' ? header.text.text.length : 0).toBe(150);
  });

  it('makes titles from types', () => {
    expect(eventTitle('dev.meshplane.governance.classification-lowered')).toBe(
      'Governance classification lowered',
    );
    expect(eventTitle('com.example.thing')).toBe('Com example thing');
  });
});
