/** Seconds per duration unit; ODCS writes d/day/days, y/yr/years, and Meshplane reads m as minutes. */
const SECONDS: Readonly<Record<string, number>> = {
  ms: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3_600,
  hr: 3_600,
  hrs: 3_600,
  hour: 3_600,
  hours: 3_600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  wk: 604_800,
  week: 604_800,
  weeks: 604_800,
  // A month is taken as 30 days and a year as 365: close enough to order two promises.
  mo: 2_592_000,
  month: 2_592_000,
  months: 2_592_000,
  y: 31_536_000,
  yr: 31_536_000,
  yrs: 31_536_000,
  year: 31_536_000,
  years: 31_536_000,
};

const PERCENT_UNITS = new Set(['%', 'percent', 'pct']);

/** A number, or a string holding one (`"99.9"`, `"99.9%"` when `allowPercentSign`). */
function numeric(value: unknown, allowPercentSign = false): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = allowPercentSign ? value.trim().replace(/%$/, '') : value.trim();
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** A duration in seconds; undefined when the value is not a number or the unit is unknown. */
export function durationSeconds(value: unknown, unit: string | undefined): number | undefined {
  const n = numeric(value);
  const factor = unit === undefined ? undefined : SECONDS[unit.trim().toLowerCase()];
  return n === undefined || factor === undefined ? undefined : n * factor;
}

/** A percentage (availability, uptime); the unit may be `%`, `percent`, or absent. */
export function percentage(value: unknown, unit: string | undefined): number | undefined {
  if (unit !== undefined && !PERCENT_UNITS.has(unit.trim().toLowerCase())) return undefined;
  return numeric(value, true);
}

/** A time of day `HH:MM[:SS]` in seconds since midnight; undefined for ranges and anything else. */
export function timeOfDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (match === null) return undefined;
  const [, h = '0', m = '0', s = '0'] = match;
  return Number(h) * 3_600 + Number(m) * 60 + Number(s);
}
