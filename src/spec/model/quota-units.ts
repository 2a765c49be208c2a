/**
 * The units of mesh.yaml's domain quotas: sizes such as `10GB` or `500MiB` and durations such as
 * `2h` or `30m`. The JSON Schema holds the same patterns, so a value the schema accepts always
 * parses here; a value it refuses reads as absent (no quota). Pure.
 */

/** A size: a number, an optional space, a unit (`B`, `KB`..`PB` in powers of 1000, `KiB`..`PiB` in powers of 1024). */
export const SIZE_PATTERN = '^[0-9]{1,15}(\\.[0-9]{1,6})? ?([KMGTP]i?B|B)$';

/** A duration: a number, an optional space, one unit (`ms`, `s`, `m`, `h`). */
export const DURATION_PATTERN = '^[0-9]{1,9}(\\.[0-9]{1,6})? ?(ms|s|m|h)$';

const SIZE_FACTORS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  PB: 1e15,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
  PiB: 2 ** 50,
};

const DURATION_FACTORS: Readonly<Record<string, number>> = { ms: 1, s: 1e3, m: 60e3, h: 3600e3 };

const SIZE = new RegExp(SIZE_PATTERN);
const DURATION = new RegExp(DURATION_PATTERN);

/** Whole units, cut to the largest safe integer: a quota that large is no limit in practice. */
function whole(amount: number): number {
  return Math.min(Number.MAX_SAFE_INTEGER, Math.floor(amount));
}

/**
 * Bytes of a size written as text (`10GB`, `1.5 GiB`) or as a whole number of bytes; undefined
 * for anything else (negative, fractional bytes, an unknown unit).
 */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = SIZE.exec(value);
  const factor = SIZE_FACTORS[match?.[2] ?? ''];
  if (match === null || factor === undefined) return undefined;
  return whole(Number.parseFloat(value) * factor);
}

/** Milliseconds of a duration written as text (`2h`, `30m`, `90s`, `1.5h`, `500ms`); undefined otherwise. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DURATION.exec(value);
  const factor = DURATION_FACTORS[match?.[2] ?? ''];
  if (match === null || factor === undefined) return undefined;
  return whole(Number.parseFloat(value) * factor);
}
