/**
 * One JetStream message as a stream record: JSON-decoded, bounded in size and depth, keyed for
 * idempotency. A message that cannot be a record is still a record, with a `reject` reason, so it
 * reaches quarantine in the same transaction as its batch and is acknowledged like the others. Pure.
 */
import type { StreamRecord } from '../stream/stream-types.js';

/** What the port needs to know of a message (a JsMsg has all of it). */
export interface NatsMessage {
  readonly subject: string;
  /** The stream sequence. */
  readonly seq: number;
  readonly data: Uint8Array;
}

export interface RecordOptions {
  readonly stream: string;
  readonly idField: string | undefined;
}

/** NATS' default max_payload; a server configured for more still cannot make us hold more. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** Objects and arrays nested deeper than this are refused: no contract column needs it. */
export const MAX_DEPTH = 64;
const MAX_KEY_LENGTH = 512;
/** How much of a refused message quarantine keeps when the message is too large to keep whole. */
const EXCERPT_CHARS = 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Whether `value` nests objects or arrays deeper than `limit`; recursion stops at the limit. */
function tooDeep(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => tooDeep(child, limit - 1));
}

function idKey(value: Record<string, unknown>, idField: string): string | undefined {
  const id = value[idField];
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (typeof id === 'string' && id !== '' && id.length <= MAX_KEY_LENGTH) return id;
  return undefined;
}

/** The stream sequence key every message has; also the key of a refused message. */
export function sequenceKey(stream: string, seq: number): string {
  return `${stream}:${seq}`;
}

/** Turns a message into the record the sink writes (or quarantines, when `reject` is set). */
export function natsMessageRecord(message: NatsMessage, options: RecordOptions): StreamRecord {
  const source = `nats:${message.subject}#${message.seq}`;
  const key = sequenceKey(options.stream, message.seq);
  const reject = (reason: string, value: string): StreamRecord => ({ value, key, source, reject: reason });
  if (message.data.byteLength > MAX_MESSAGE_BYTES) {
    const excerpt = lossy.decode(message.data.subarray(0, EXCERPT_CHARS * 4)).slice(0, EXCERPT_CHARS);
    return reject(`message of ${message.data.byteLength} bytes is larger than ${MAX_MESSAGE_BYTES}`, excerpt);
  }
  let text: string;
  try {
    text = utf8.decode(message.data);
  } catch {
    return reject('message is not UTF-8 text', lossy.decode(message.data));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return reject(`message is not JSON: ${(error as Error).message}`, text);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject(
      `message is JSON ${Array.isArray(value) ? 'array' : String(value === null ? null : typeof value)}, not an object`,
      text,
    );
  }
  if (tooDeep(value, MAX_DEPTH)) return reject(`message nests deeper than ${MAX_DEPTH} levels`, text);
  if (options.idField === undefined) return { value, key, source };
  const id = idKey(value as Record<string, unknown>, options.idField);
  if (id === undefined) {
    return reject(
      `idField ${options.idField} is missing, empty, longer than ${MAX_KEY_LENGTH} or not a string or number`,
      text,
    );
  }
  return { value, key: id, source };
}
