import { describe, expect, it } from 'vitest';
import { isCloudEvent } from '../../notify/cloud-event.js';
import { changeEvent, keySubject, PORT_RESET, ROW_DELETED, ROW_UPSERTED } from './change-event.js';
import type { ChangeRecord } from './read-changes.js';

const base: ChangeRecord = {
  offset: 42,
  port: 'orders',
  op: 'upsert',
  key: { order_id: 'O-1' },
  row: { order_id: 'O-1', quantity: 2 },
  runId: 'run-1',
  at: '2026-05-01T10:00:00.123456Z',
};

describe('changeEvent', () => {
  it('makes an upsert a row.upserted event with the row as data and the key as subject', () => {
    expect(changeEvent('sales.orders', base)).toEqual({
      specversion: '1.0',
      id: 'sales.orders:orders:42',
      source: '/meshplane/products/sales.orders/ports/orders',
      type: ROW_UPSERTED,
      subject: 'O-1',
      time: '2026-05-01T10:00:00.123Z',
      datacontenttype: 'application/json',
      data: { order_id: 'O-1', quantity: 2 },
    });
  });

  it('is deterministic, so a redelivery is the same event', () => {
    expect(JSON.stringify(changeEvent('p', base))).toBe(JSON.stringify(changeEvent('p', base)));
  });

  it('makes a delete carry its key, and a reset carry nothing and no subject', () => {
    const deleted = changeEvent('p', { ...base, op: 'delete', row: null });
    expect(deleted).toMatchObject({ type: ROW_DELETED, subject: 'O-1', data: { order_id: 'O-1' } });
    const reset = changeEvent('p', { ...base, op: 'reset', key: null, row: null });
    expect(reset).toMatchObject({ type: PORT_RESET, data: null });
    expect('subject' in reset).toBe(false);
    expect(isCloudEvent(reset)).toBe(true);
  });
});

describe('keySubject', () => {
  it('is the value of a single text key, JSON otherwise', () => {
    expect(keySubject({ id: 'a' })).toBe('a');
    expect(keySubject({ id: 7 })).toBe('7');
    expect(keySubject({ a: 1, b: 'x' })).toBe('{"a":1,"b":"x"}');
    expect(keySubject(null)).toBeUndefined();
  });
});
