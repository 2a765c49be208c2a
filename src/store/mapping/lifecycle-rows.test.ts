import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import { cloudEvent } from '../../notify/cloud-event.js';
import { auditEventFromRow, auditEventToRow } from './audit-rows.js';
import { portContractsFromRows } from './contract-history-rows.js';
import { notificationFromRow, notificationToRow } from './notification-rows.js';
import { portUsageFromRow, usageRowsFromEntries } from './usage-rows.js';
import { webhookFromRow, webhookToRow } from './webhook-rows.js';

const AT = '2026-05-01T10:00:00.000Z';

describe('usage rows', () => {
  it('merges entries of one key into one row, sorted by key', () => {
    const read = (consumer: string, major: number, rows: number, at: string) => ({
      productId: 'sales.orders',
      port: 'orders',
      major,
      consumer,
      rows,
      at: new Date(at),
    });
    const rows = usageRowsFromEntries([
      read('zoe', 1, 5, '2026-05-01T10:00:02.000Z'),
      read('adam', 1, 1, '2026-05-01T10:00:00.000Z'),
      read('zoe', 1, 7, '2026-05-01T10:00:01.000Z'),
      read('zoe', 2, 0, '2026-05-01T10:00:03.000Z'),
      read('zoe', 1, 1, '2026-05-01T10:00:05.000Z'),
    ]);
    expect(rows.map((r) => [r.consumer, r.major, r.reads, r.rows, r.first_read_at, r.last_read_at])).toEqual([
      ['adam', 1, 1, 1, '2026-05-01T10:00:00.000Z', '2026-05-01T10:00:00.000Z'],
      ['zoe', 1, 3, 13, '2026-05-01T10:00:01.000Z', '2026-05-01T10:00:05.000Z'],
      ['zoe', 2, 1, 0, '2026-05-01T10:00:03.000Z', '2026-05-01T10:00:03.000Z'],
    ]);
  });

  it('reads BIGINT counts that PostgreSQL returns as strings', () => {
    expect(
      portUsageFromRow({
        product_id: 'p',
        port: 'o',
        major: 1,
        consumer: 'c',
        reads: '5000000000',
        rows: '12',
        first_read_at: AT,
        last_read_at: AT,
      }),
    ).toEqual({
      productId: 'p',
      port: 'o',
      major: 1,
      consumer: 'c',
      reads: 5_000_000_000,
      rows: 12,
      firstReadAt: AT,
      lastReadAt: AT,
    });
  });
});

describe('notification rows', () => {
  it('stores absent fields as NULL and reads them back as absent', () => {
    const row = notificationToRow({ type: 't', recipient: 'crm-team', title: 'T', message: 'M' }, 'n1', AT);
    expect(row).toMatchObject({ product_id: null, port: null, data: null, read_at: null });
    expect(notificationFromRow(row)).toEqual({
      id: 'n1',
      createdAt: AT,
      type: 't',
      recipient: 'crm-team',
      title: 'T',
      message: 'M',
    });
    const full = notificationToRow(
      {
        type: 't',
        recipient: 'r',
        title: 'T',
        message: 'M',
        productId: 'p',
        port: 'o',
        data: { sunset: 'x' },
      },
      'n2',
      AT,
    );
    expect(notificationFromRow({ ...full, read_at: AT })).toMatchObject({
      productId: 'p',
      port: 'o',
      data: { sunset: 'x' },
      readAt: AT,
    });
  });
});

describe('webhook rows', () => {
  it('stores the event as its payload, pending and due at once, and reads it back', () => {
    const event = cloudEvent(
      { source: '/m', type: 't', data: { a: 1 } },
      { newId: () => 'e1', now: () => new Date(AT) },
    );
    const row = webhookToRow({ url: 'http://x/hook', event }, 'w1', AT);
    expect(row).toMatchObject({
      event_id: 'e1',
      event_type: 't',
      status: 'pending',
      attempts: 0,
      next_attempt_at: AT,
    });
    expect(webhookFromRow(row)).toEqual({
      id: 'w1',
      createdAt: AT,
      url: 'http://x/hook',
      event,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: AT,
    });
  });

  it('reports a stored payload that is not a CloudEvent as INTERNAL', () => {
    const event = cloudEvent({ source: '/m', type: 't', data: null }, { newId: () => 'e1' });
    const row = { ...webhookToRow({ url: 'http://x', event }, 'w1', AT), payload: '{"id":"e1"}' };
    expect(() => webhookFromRow(row)).toThrow(MeshplaneError);
  });
});

describe('audit rows', () => {
  it('round-trips an event, details absent as NULL, seq read from a string', () => {
    const event = { seq: 7, at: AT, actor: 'a', action: 'b', subject: 'c', prevHash: 'p', hash: 'h' };
    const row = auditEventToRow(event);
    expect(row.details).toBeNull();
    expect(auditEventFromRow({ ...row, seq: '7', details: null })).toEqual(event);
    expect(auditEventFromRow({ ...row, seq: 7, details: '{"x":[1]}' }).details).toEqual({ x: [1] });
  });
});

describe('contract history rows', () => {
  it('keeps the first registration of each contract version, in row order, with its latest document', () => {
    const row = (
      contractVersion: string,
      productVersion: string,
      deployedAt: string,
      portVersion = '1.0.0',
    ) => ({
      contract_id: 'orders.v1',
      contract_version: contractVersion,
      document: JSON.stringify({ version: contractVersion, from: productVersion }),
      port_version: portVersion,
      product_version: productVersion,
      deployed_at: deployedAt,
    });
    const history = portContractsFromRows([
      row('1.0.0', '1.0.0', '2026-01-01T00:00:00.000Z'),
      row('1.0.0', '1.1.0', '2026-02-01T00:00:00.000Z'),
      row('1.1.0', '1.2.0', '2026-03-01T00:00:00.000Z'),
      row('2.0.0', '2.0.0', '2026-04-01T00:00:00.000Z', '2.0.0'),
    ]);
    expect(history).toEqual([
      {
        contractId: 'orders.v1',
        contractVersion: '1.0.0',
        portVersion: '1.0.0',
        productVersion: '1.0.0',
        deployedAt: '2026-01-01T00:00:00.000Z',
        document: { version: '1.0.0', from: '1.1.0' },
      },
      expect.objectContaining({ contractVersion: '1.1.0', productVersion: '1.2.0' }),
      expect.objectContaining({ contractVersion: '2.0.0', portVersion: '2.0.0' }),
    ]);
  });
});
