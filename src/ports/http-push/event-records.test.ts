import { describe, expect, it } from 'vitest';
import { eventRecords } from './event-records.js';

describe('eventRecords', () => {
  it('keys events by the id fields, with the request and position as source', () => {
    const records = eventRecords([{ id: 'a', n: 1 }, { n: 2 }], {
      idFields: ['id'],
      requestId: 'r1',
      group: 4,
    });
    expect(records).toEqual([
      { value: { id: 'a', n: 1 }, key: 'a', position: 1, source: 'http:r1#1', group: 4 },
      { value: { n: 2 }, position: 2, source: 'http:r1#2', group: 4 },
    ]);
  });

  it('joins several id fields unambiguously', () => {
    const [one, two] = eventRecords(
      [
        { a: 'x,y', b: 1 },
        { a: 'x', b: 'y,1' },
      ],
      { idFields: ['a', 'b'], requestId: 'r' },
    );
    expect(one?.key).toBe('["x,y","1"]');
    expect(two?.key).not.toBe(one?.key);
  });

  it('falls back to the Idempotency-Key header and the position', () => {
    const records = eventRecords([{ n: 1 }, { n: 2 }], {
      idFields: ['id'],
      idempotencyKey: 'K',
      requestId: 'r',
    });
    expect(records.map((r) => r.key)).toEqual(['hdr:K#1', 'hdr:K#2']);
  });

  it('unwraps CloudEvents structured events to their data, keyed by the id', () => {
    const [record] = eventRecords(
      [{ specversion: '1.0', id: 'ce-9', source: '/s', type: 't', data: { id: 'other', n: 1 } }],
      { idFields: ['id'], requestId: 'r' },
    );
    expect(record).toMatchObject({ value: { id: 'other', n: 1 }, key: 'ce-9' });
    // Not a CloudEvent without `data`: the event itself, keyed by its fields.
    const [plain] = eventRecords([{ specversion: '1.0', id: 'x' }], { idFields: ['id'], requestId: 'r' });
    expect(plain).toMatchObject({ value: { specversion: '1.0', id: 'x' }, key: 'x' });
  });
});
