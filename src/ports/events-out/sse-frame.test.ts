import { describe, expect, it } from 'vitest';
import { cloudEvent } from '../../notify/cloud-event.js';
import { changeFrame, controlFrame, resumeOffset } from './sse-frame.js';

describe('SSE frames', () => {
  it('writes a change as id and one data line of JSON, ended by a blank line', () => {
    const event = cloudEvent(
      { source: '/s', type: 't', data: { note: 'a\nb' }, id: 'i' },
      { newId: () => 'i' },
    );
    const frame = changeFrame(7, event);
    expect(frame).toBe(`id: 7\ndata: ${JSON.stringify(event)}\n\n`);
    expect(frame.split('\n')).toHaveLength(4);
  });

  it('names control events, with a reconnect delay', () => {
    expect(controlFrame('shutdown', { lastEventId: '3' }, 1000)).toBe(
      'event: shutdown\nretry: 1000\ndata: {"lastEventId":"3"}\n\n',
    );
  });

  it('resumes from Last-Event-ID before ?after=, ignoring one that is not an offset', () => {
    expect(resumeOffset(5, '9')).toBe(9);
    expect(resumeOffset(5, ' 9 ')).toBe(9);
    expect(resumeOffset(5, 'abc')).toBe(5);
    expect(resumeOffset(5, '1'.repeat(20))).toBe(5);
    expect(resumeOffset(undefined, undefined)).toBe(0);
  });
});
