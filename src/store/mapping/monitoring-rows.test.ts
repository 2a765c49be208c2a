import { describe, expect, it } from 'vitest';
import {
  probeFromRow,
  probeToRow,
  slaStateChangeFromRow,
  slaStateChangeToRow,
  volumeFromRow,
} from './monitoring-rows.js';

const AT = '2026-05-01T10:00:00.000Z';

describe('SLA state change rows', () => {
  it('keeps finite figures and the due instant as JSON evidence, and reads them back', () => {
    const input = {
      productId: 'sales.orders',
      port: 'orders',
      objectiveId: 'latency',
      kind: 'latency',
      state: 'breached' as const,
      at: AT,
      message: 'data is 2 h old',
      measured: { value: 7200, unit: 'seconds' },
      limit: { value: 3600, unit: 'seconds' },
      due: AT,
    };
    const row = slaStateChangeToRow(input, 'id-1', AT);
    expect(JSON.parse(row.evidence ?? '')).toEqual({ measured: input.measured, limit: input.limit, due: AT });
    expect(slaStateChangeFromRow(row)).toEqual({ ...input, id: 'id-1' });
  });

  it('leaves out infinite figures and stores no evidence when there is none', () => {
    const row = slaStateChangeToRow(
      {
        productId: 'p',
        port: 'o',
        objectiveId: 'retention',
        kind: 'retention',
        state: 'met',
        at: AT,
        message: '',
        limit: { value: Number.POSITIVE_INFINITY, unit: 'seconds' },
      },
      'id-2',
      AT,
    );
    expect(row.evidence).toBeNull();
    expect(slaStateChangeFromRow(row)).not.toHaveProperty('limit');
    expect(
      slaStateChangeFromRow({ ...row, evidence: '{"measured":{"value":"x"},"due":3}' }),
    ).not.toHaveProperty('measured');
  });
});

describe('volume and probe rows', () => {
  it('reads BIGINT counts that PostgreSQL returns as strings', () => {
    expect(volumeFromRow({ product_id: 'p', port: 'o', run_id: 'r', at: AT, rows: '12345' })).toEqual({
      productId: 'p',
      port: 'o',
      runId: 'r',
      at: AT,
      rows: 12345,
    });
  });

  it('stores up as 0 or 1 and an absent error as NULL', () => {
    const row = probeToRow({ productId: 'p', port: 'o', at: 'ignored', up: false, error: 'timeout' }, AT);
    expect(row).toEqual({ product_id: 'p', port: 'o', at: AT, up: 0, error: 'timeout' });
    expect(probeFromRow({ ...row, up: 1, error: null })).toEqual({
      productId: 'p',
      port: 'o',
      at: AT,
      up: true,
    });
  });
});
