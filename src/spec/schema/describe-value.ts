const TYPE_NAMES: Readonly<Record<string, string>> = {
  array: 'a list',
  object: 'a mapping',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
};

/** "a list", "a string or a mapping": how a JSON Schema `type` reads in a message. */
export function describeTypes(types: readonly string[]): string {
  // `integer` adds nothing next to `number`.
  const shown = types.includes('number') ? types.filter((t) => t !== 'integer') : types;
  return joinOr(shown.map((t) => TYPE_NAMES[t] ?? t));
}

/** What the user actually wrote, in the same words as {@link describeTypes}. */
export function describeValueType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return `\`${value}\``;
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/** A short rendering of a scalar for messages: strings in backticks, long ones cut. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `\`${value.length > 60 ? `${value.slice(0, 57)}...` : value}\``;
  if (value === null || typeof value !== 'object') return `\`${String(value)}\``;
  return Array.isArray(value) ? 'a list' : 'a mapping';
}

/** "a, b or c". */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "`a`, `b`, `c`", cut after `max` items with a count of the rest. */
export function listNames(names: readonly unknown[], max = 15): string {
  const shown = names.slice(0, max).map((n) => `\`${String(n)}\``);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} (and ${rest} more)` : shown.join(', ');
}
