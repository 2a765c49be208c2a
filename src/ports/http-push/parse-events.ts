/**
 * The body of an HTTP push, parsed with bounds: NDJSON (one JSON object per line) or one JSON
 * array of objects. Malformed JSON is refused as a whole, naming the line and column; so is an
 * event nested deeper than allowed (measured before parsing), or anything but an object. Pure.
 */
import { MeshplaneError } from '../../errors/index.js';
import { parseJson } from '../../spec/load/parse-json.js';

export interface EventLimits {
  readonly maxEvents: number;
  /** Deepest nesting of arrays and objects inside one event (the event object is depth 1). */
  readonly maxDepth: number;
}

export type EventFormat = 'ndjson' | 'json';

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function refuse(message: string, text: string, offset: number, base = 0): never {
  const at = lineAndColumn(text, offset);
  throw new MeshplaneError('INVALID_INPUT', `${message} at line ${at.line + base}, column ${at.column}`, {
    details: { line: at.line + base, column: at.column },
  });
}

/** The offset where nesting first goes past `maxDepth`, outside strings; undefined when it does not. */
export function depthExcess(text: string, maxDepth: number, from = 0, to = text.length): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tooMany(limits: EventLimits): never {
  throw new MeshplaneError('INVALID_INPUT', `more than ${limits.maxEvents} events in one request`, {
    details: { maxEvents: limits.maxEvents },
  });
}

function parseNdjson(text: string, limits: EventLimits): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    if (raw.trim() !== '') {
      if (events.length >= limits.maxEvents) tooMany(limits);
      const deep = depthExcess(raw, limits.maxDepth);
      if (deep !== undefined)
        refuse(`an event nests deeper than ${limits.maxDepth} levels`, raw, deep, line - 1);
      const parsed = parseJson(raw);
      if (!parsed.ok) refuse(parsed.message.replace(/\.$/, ''), raw, parsed.offset ?? 0, line - 1);
      if (!isObject(parsed.value)) refuse('an event must be a JSON object', raw, raw.search(/\S/), line - 1);
      events.push(parsed.value);
    }
    start = end + 1;
    line++;
  }
  return events;
}

function parseArray(text: string, limits: EventLimits): Record<string, unknown>[] {
  // The array itself is one level more than each event.
  const deep = depthExcess(text, limits.maxDepth + 1);
  if (deep !== undefined) refuse(`an event nests deeper than ${limits.maxDepth} levels`, text, deep);
  const parsed = parseJson(text);
  if (!parsed.ok) refuse(parsed.message.replace(/\.$/, ''), text, parsed.offset ?? 0);
  const value = parsed.value;
  const events = Array.isArray(value) ? value : [value];
  if (events.length > limits.maxEvents) tooMany(limits);
  const bad = events.findIndex((e) => !isObject(e));
  if (bad !== -1) {
    throw new MeshplaneError('INVALID_INPUT', `event ${bad + 1} of the array is not a JSON object`, {
      details: { event: bad + 1 },
    });
  }
  return events as Record<string, unknown>[];
}

/** The events of a body: `json` is an array of objects or one object; `ndjson` one object per line. */
export function parseEvents(
  text: string,
  format: EventFormat,
  limits: EventLimits,
): Record<string, unknown>[] {
  return format === 'ndjson' ? parseNdjson(text, limits) : parseArray(text, limits);
}
