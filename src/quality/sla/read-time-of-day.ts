import { cronError } from './cron-schedule.js';

/** A time of day and its zone, or why the value is not one. */
export type TimeOfDayReading =
  | { readonly hour: number; readonly minute: number; readonly second: number; readonly timezone: string }
  | { readonly error: string };

const SHAPE =
  /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{1,2}(?::?\d{2})?)|\s+([A-Za-z][A-Za-z0-9_+\-/]*))?$/;
const FORMAT = 'HH:MM[:SS] with an optional UTC offset (Z, -08:00) or time zone (Europe/Paris)';

/** `-8`, `-08:00`, `+0530` as luxon's fixed-offset zone `UTC-08:00`; undefined past ±14:00. */
function offsetZone(offset: string): string | undefined {
  const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset);
  if (match === null) return undefined;
  const [, sign = '+', hours = '0', minutes = '00'] = match;
  if (Number(minutes) > 59 || Number(hours) * 60 + Number(minutes) > 14 * 60) return undefined;
  return `UTC${sign}${hours.padStart(2, '0')}:${minutes}`;
}

/**
 * An ODCS `timeOfAvailability` value. The standard's example `09:00-08:00` is 09:00 at UTC-08:00
 * (the same example writes its dates with `-08:00`), so a trailing signed time is an offset, not
 * the end of a range. Without a zone the time is UTC, as the runtime's schedules are.
 */
export function readTimeOfDay(value: unknown): TimeOfDayReading {
  if (typeof value !== 'string') return { error: `value must be a time of day: ${FORMAT}` };
  const match = SHAPE.exec(value.trim());
  if (match === null) return { error: `'${value}' is not a time of day: ${FORMAT}` };
  const [, h = '0', m = '0', s = '0', offset, zone] = match;
  const hour = Number(h);
  const minute = Number(m);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) return { error: `'${value}' is not a time of day: ${FORMAT}` };
  let timezone = 'UTC';
  if (offset !== undefined && offset.toUpperCase() !== 'Z') {
    const fixed = offsetZone(offset);
    if (fixed === undefined)
      return { error: `offset '${offset}' in '${value}' is not between -14:00 and +14:00` };
    timezone = fixed;
  } else if (zone !== undefined) {
    if (cronError('0 0 * * *', zone) !== undefined) return { error: `'${zone}' is not a known time zone` };
    timezone = zone;
  }
  return { hour, minute, second, timezone };
}
