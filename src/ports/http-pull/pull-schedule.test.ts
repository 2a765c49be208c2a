import { describe, expect, it } from 'vitest';
import { parseDuration } from '../port-duration.js';
import { nextPullDelay, pullSchedule } from './pull-schedule.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['1.5s', 1500],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '5', 'm', '5 minutes', '-1s', '5w'])('refuses %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('pullSchedule', () => {
  it('reads an interval and a cron expression', () => {
    expect(pullSchedule('5m')).toEqual({ kind: 'interval', ms: 300_000, text: '5m' });
    expect(pullSchedule('*/15 * * * *')).toEqual({ kind: 'cron', expression: '*/15 * * * *' });
  });

  it.each([
    [undefined, /every must be an interval such as 5m/],
    ['10ms', /at least 100ms/],
    ['on-input', /not 'on-input'/],
    ['every day', /not 'every day'/],
    ['61 * * * *', /not '61 \* \* \* \*'/],
  ])('refuses %j', (value, message) => expect(pullSchedule(value)).toMatch(message));

  it('waits the interval, or until the next cron fire time in UTC', () => {
    const now = new Date('2024-05-01T10:07:30Z');
    expect(nextPullDelay({ kind: 'interval', ms: 5000, text: '5s' }, now)).toBe(5000);
    expect(nextPullDelay({ kind: 'cron', expression: '*/15 * * * *' }, now)).toBe(7.5 * 60_000);
  });
});
