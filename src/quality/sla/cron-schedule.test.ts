import { describe, expect, it } from 'vitest';
import { cronError, firingsAtOrBefore, looksLikeCron } from './cron-schedule.js';

const ms = (iso: string) => Date.parse(iso);
const iso = (list: number[]) => list.map((n) => new Date(n).toISOString());

describe('cron schedules', () => {
  it('lists the latest firings, a firing exactly at the instant included', () => {
    expect(iso(firingsAtOrBefore('0 6 * * *', 'UTC', ms('2024-03-10T06:00:00Z'), 2))).toEqual([
      '2024-03-10T06:00:00.000Z',
      '2024-03-09T06:00:00.000Z',
    ]);
    expect(iso(firingsAtOrBefore('0 6 * * *', 'UTC', ms('2024-03-10T05:59:59.999Z'), 1))).toEqual([
      '2024-03-09T06:00:00.000Z',
    ]);
  });

  it('fires in the given zone, across a daylight-saving change', () => {
    // Paris moves to summer time on 2024-03-31: 06:00 local is 05:00 UTC before, 04:00 UTC after.
    expect(iso(firingsAtOrBefore('0 6 * * *', 'Europe/Paris', ms('2024-03-31T12:00:00Z'), 2))).toEqual([
      '2024-03-31T04:00:00.000Z',
      '2024-03-30T05:00:00.000Z',
    ]);
    expect(iso(firingsAtOrBefore('0 9 * * *', 'UTC-08:00', ms('2024-03-10T18:00:00Z'), 1))).toEqual([
      '2024-03-10T17:00:00.000Z',
    ]);
  });

  it('says why an expression or zone is unusable', () => {
    expect(cronError('0 6 * * *', 'UTC')).toBeUndefined();
    expect(cronError('@daily', 'UTC')).toBeUndefined();
    expect(cronError('every day', 'UTC')).toMatch(/not a cron expression/);
    expect(cronError('0 6 * * *', 'Nowhere/Land')).toMatch(/not a cron expression in Nowhere\/Land/);
    expect(cronError(`${'1,'.repeat(200)}1 * * * *`, 'UTC')).toMatch(/at most 200/);
    expect(firingsAtOrBefore('every day', 'UTC', 0, 2)).toEqual([]);
  });

  it('tells a cron from an interval', () => {
    expect(looksLikeCron('0 6 * * *')).toBe(true);
    expect(looksLikeCron('0 0 6 * * 1-5')).toBe(true);
    expect(looksLikeCron('@hourly')).toBe(true);
    expect(looksLikeCron('1 d')).toBe(false);
    expect(looksLikeCron('daily')).toBe(false);
  });
});
