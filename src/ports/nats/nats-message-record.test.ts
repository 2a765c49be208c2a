import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_MESSAGE_BYTES, natsMessageRecord } from './nats-message-record.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const message = (text: string | Uint8Array, seq = 7) => ({
  subject: 'orders.created',
  seq,
  data: typeof text === 'string' ? bytes(text) : text,
});
const bySequence = { stream: 'ORDERS', idField: undefined };
const byId = { stream: 'ORDERS', idField: 'order_id' };

describe('natsMessageRecord', () => {
  it('decodes a JSON object keyed by stream and sequence', () => {
    expect(natsMessageRecord(message('{"order_id":"a1","amount":2.5}'), bySequence)).toEqual({
      value: { order_id: 'a1', amount: 2.5 },
      key: 'ORDERS:7',
      source: 'nats:orders.created#7',
    });
  });

  it('keys by the idField when configured (strings and numbers)', () => {
    expect(natsMessageRecord(message('{"order_id":"a1"}'), byId).key).toBe('a1');
    expect(natsMessageRecord(message('{"order_id":42}'), byId).key).toBe('42');
  });

  it.each([
    ['{"order_id":', /^message is not JSON: /],
    ['[1,2]', /^message is JSON array, not an object$/],
    ['"text"', /^message is JSON string, not an object$/],
    ['null', /^message is JSON null, not an object$/],
    ['12', /^message is JSON number, not an object$/],
  ])('rejects %j with the raw text and the sequence key', (text, reason) => {
    const record = natsMessageRecord(message(text), byId);
    expect(record).toMatchObject({ value: text, key: 'ORDERS:7', source: 'nats:orders.created#7' });
    expect(record.reject).toMatch(reason);
  });

  it.each([
    ['{"amount":1}'],
    ['{"order_id":null}'],
    ['{"order_id":""}'],
    ['{"order_id":{"x":1}}'],
    [`{"order_id":"${'x'.repeat(513)}"}`],
  ])('rejects %j: no usable idField', (text) => {
    expect(natsMessageRecord(message(text), byId)).toMatchObject({
      key: 'ORDERS:7',
      reject: expect.stringMatching(/^idField order_id is missing/),
    });
  });

  it('rejects messages nested deeper than the limit and accepts the limit itself', () => {
    const nest = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(natsMessageRecord(message(nest(MAX_DEPTH)), bySequence).reject).toBeUndefined();
    expect(natsMessageRecord(message(nest(MAX_DEPTH + 1)), bySequence).reject).toBe(
      `message nests deeper than ${MAX_DEPTH} levels`,
    );
    // Deep enough to overflow a naive recursive walk: still a clean refusal.
    const deep = natsMessageRecord(message(`{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`), bySequence);
    expect(deep.reject).toBe(`message nests deeper than ${MAX_DEPTH} levels`);
  });

  it('rejects an oversized message keeping an excerpt only', () => {
    const record = natsMessageRecord(message(`{"a":"${'x'.repeat(MAX_MESSAGE_BYTES)}"}`), bySequence);
    expect(record.reject).toBe(
      `message of ${MAX_MESSAGE_BYTES + 8} bytes is larger than ${MAX_MESSAGE_BYTES}`,
    );
    expect(String(record.value)).toHaveLength(1024);
  });

  it('rejects bytes that are not UTF-8', () => {
    const record = natsMessageRecord(message(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), bySequence);
    expect(record).toMatchObject({ key: 'ORDERS:7', reject: 'message is not UTF-8 text' });
  });
});
