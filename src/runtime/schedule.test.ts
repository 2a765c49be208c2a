import { describe, expect, it } from 'vitest';
import { isDue, scheduleError } from './schedule.js';

const at = (iso: string) => new Date(iso);

describe('schedules', () => {
  it('fires a cron expression when a fire time falls in the interval, in UTC', () => {
    expect(isDue('*/15 * * * *', at('2026-01-01T00:07:00Z'), at('2026-01-01T00:15:00Z'))).toBe(true);
    expect(isDue('*/15 * * * *', at('2026-01-01T00:07:00Z'), at('2026-01-01T00:14:59Z'))).toBe(false);
    expect(isDue('30 6 * * *', at('2026-01-01T06:29:00Z'), at('2026-01-01T06:30:00Z'))).toBe(true);
    expect(isDue('30 6 * * *', at('2026-01-01T06:30:00Z'), at('2026-01-01T06:31:00Z'))).toBe(false);
  });

  it('never fires on-input or a broken expression, and says what is wrong with the latter', () => {
    expect(isDue('on-input', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe(false);
    expect(scheduleError('on-input')).toBeUndefined();
    expect(scheduleError('*/15 * * * *')).toBeUndefined();
    expect(scheduleError('every hour')).toMatch(/not a cron expression/);
    expect(scheduleError('61 * * * *')).toMatch(/not a cron expression/);
    expect(isDue('every hour', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe(false);
  });
});
