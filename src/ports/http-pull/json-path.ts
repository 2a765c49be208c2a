/**
 * Where a value sits in a response body: a JSON pointer (RFC 6901, `/data/items`) or a dotted
 * path (`data.items`, `data.0.id`). The empty path is the body itself. Pure.
 */
export interface JsonPath {
  /** As written in the settings, for messages. */
  readonly text: string;
  readonly segments: readonly string[];
}

export const BODY_PATH: JsonPath = Object.freeze({ text: '', segments: Object.freeze([]) });

/** Compiles `text`; a message saying why it is unusable otherwise. */
export function compileJsonPath(text: unknown): JsonPath | string {
  if (typeof text !== 'string') return 'must be a JSON pointer (/data/items) or a dotted path (data.items)';
  if (text === '' || text === '/') return BODY_PATH;
  const segments = text.startsWith('/')
    ? text
        .slice(1)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    : text.split('.');
  if (segments.some((s) => s === '')) return `'${text}' has an empty segment`;
  return Object.freeze({ text, segments: Object.freeze(segments) });
}

/** The value at `path` in `value`, or undefined when the path leads nowhere. Own properties only. */
export function readJsonPath(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path.segments) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}
