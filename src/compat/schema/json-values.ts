/** Plain JSON value helpers. Schemas are user input: every function here tolerates any value. */
export type Obj = Readonly<Record<string, unknown>>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of an object-valued keyword (`properties`, `patternProperties`, ...), else none. */
export function entriesOf(value: unknown): [string, unknown][] {
  return isObj(value) ? Object.entries(value) : [];
}

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The JSON type of a value, with `integer` for whole numbers (which are also `number`). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const MAX_DEPTH = 64;

/**
 * A key for JSON equality: object keys sorted, so `{a,b}` and `{b,a}` match. Numbers compare by
 * value (1 and 1.0 are one JSON number). Nesting past 64 levels collapses to a marker.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) return '"…"';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  if (isObj(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k], depth + 1)}`).join(',')}}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return JSON.stringify(value) ?? 'null';
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || typeof a !== 'object') return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** A short JSON rendering of a value for messages. */
export function describeValue(value: unknown): string {
  const text = canonicalJson(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** `a, b and c`, with at most `max` items named. */
export function listOf(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  const named = rest > 0 ? [...shown, `${rest} more`] : shown;
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

/** One segment of a JSON pointer (RFC 6901 escaping). */
export function pointerSegment(name: string | number): string {
  const text = String(name);
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}
