import { describe, expect, it } from 'vitest';
import { readTimeOfDay } from './read-time-of-day.js';

describe('readTimeOfDay', () => {
  it('reads a bare time as UTC', () => {
    expect(readTimeOfDay('06:30')).toEqual({ hour: 6, minute: 30, second: 0, timezone: 'UTC' });
    expect(readTimeOfDay('6:30:15')).toEqual({ hour: 6, minute: 30, second: 15, timezone: 'UTC' });
  });

  it("reads the standard's 09:00-08:00 as 09:00 at UTC-08:00, and other offsets", () => {
    expect(readTimeOfDay('09:00-08:00')).toEqual({ hour: 9, minute: 0, second: 0, timezone: 'UTC-08:00' });
    expect(readTimeOfDay('09:00+05:30')).toMatchObject({ timezone: 'UTC+05:30' });
    expect(readTimeOfDay('09:00 +0530')).toMatchObject({ timezone: 'UTC+05:30' });
    expect(readTimeOfDay('09:00-8')).toMatchObject({ timezone: 'UTC-08:00' });
    expect(readTimeOfDay('09:00Z')).toMatchObject({ timezone: 'UTC' });
  });

  it('reads an IANA time zone after the time', () => {
    expect(readTimeOfDay('06:00 Europe/Paris')).toEqual({
      hour: 6,
      minute: 0,
      second: 0,
      timezone: 'Europe/Paris',
    });
    expect(readTimeOfDay('23:59:59 America/Argentina/Buenos_Aires')).toMatchObject({ second: 59 });
  });

  it('says why a value is not a time of day', () => {
    expect(readTimeOfDay('24:00')).toMatchObject({ error: expect.stringContaining('not a time of day') });
    expect(readTimeOfDay('09:60')).toMatchObject({ error: expect.stringContaining('not a time of day') });
    expect(readTimeOfDay('9am')).toMatchObject({ error: expect.stringContaining('not a time of day') });
    expect(readTimeOfDay(9)).toMatchObject({ error: expect.stringContaining('must be a time of day') });
    // A range 09:00-17:00 reads as an offset of 17 hours, which no zone has.
    expect(readTimeOfDay('09:00-17:00')).toMatchObject({
      error: expect.stringContaining('-14:00 and +14:00'),
    });
    expect(readTimeOfDay('06:00 Mars/Olympus')).toEqual({ error: "'Mars/Olympus' is not a known time zone" });
  });
});
