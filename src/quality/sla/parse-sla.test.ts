import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import { parseSla } from './parse-sla.js';
import type { SlaPropertyInput } from './sla-objective.js';

const entry = (
  property: string,
  value: unknown,
  unit?: string,
  extra: Partial<SlaPropertyInput> = {},
): SlaPropertyInput => ({
  property,
  value,
  ...(unit === undefined ? {} : { unit }),
  path: ['slaProperties', 0],
  ...extra,
});

describe('parseSla', () => {
  it('reads the official ODCS SLA example', () => {
    const file = new URL(
      '../../../test/fixtures/standards/odcs/examples/database-table-sla.odcs.yaml',
      import.meta.url,
    );
    const contract = normalizeContract(parse(readFileSync(file, 'utf8')));
    const sla = parseSla(contract.slaProperties);
    expect(sla.objectives).toEqual([
      {
        id: 'latency[tab1.txn_ref_dt]',
        property: 'latency',
        element: 'tab1.txn_ref_dt',
        path: ['slaProperties', 0],
        kind: 'latency',
        maxAgeSeconds: 4 * 86_400,
      },
      expect.objectContaining({
        id: 'retention[tab1.txn_ref_dt]',
        kind: 'retention',
        maxAgeSeconds: 3 * 31_536_000,
      }),
      expect.objectContaining({ kind: 'frequency', cadence: { type: 'interval', seconds: 86_400 } }),
      expect.objectContaining({
        id: 'timeOfAvailability[tab1.txn_ref_dt]/regulatory',
        kind: 'timeOfAvailability',
        time: '09:00:00',
        timezone: 'UTC-08:00',
        driver: 'regulatory',
      }),
      expect.objectContaining({
        id: 'timeOfAvailability[tab1.txn_ref_dt]/analytics',
        time: '08:00:00',
        timezone: 'UTC-08:00',
      }),
    ]);
    expect(sla.lifecycle).toEqual([
      {
        kind: 'generalAvailability',
        property: 'generalAvailability',
        value: '2022-05-12T09:30:10-08:00',
        at: '2022-05-12T17:30:10.000Z',
        path: ['slaProperties', 1],
      },
      expect.objectContaining({ kind: 'endOfSupport', at: '2032-05-12T17:30:10.000Z' }),
      expect.objectContaining({ kind: 'endOfLife', at: '2042-05-12T17:30:10.000Z' }),
    ]);
    expect(sla.notEvaluated).toEqual([]);
  });

  it('reads the ODCS synonyms and older spellings, case-insensitively', () => {
    const sla = parseSla([
      entry('ly', 2, 'h'),
      entry('Freshness', 30, 'min'),
      entry('RE', 1, 'y'),
      entry('fy', 1, 'd'),
      entry('av', 99.9),
      entry('uptime', '99.5%'),
      entry('ga', '2024-01-01'),
      entry('es', '2030-01-01T00:00:00Z'),
      entry('el', '2031-01-01T00:00:00+01:00'),
    ]);
    expect(sla.objectives.map((o) => o.kind)).toEqual([
      'latency',
      'latency',
      'retention',
      'frequency',
      'availability',
      'availability',
    ]);
    expect(sla.lifecycle.map((d) => [d.kind, d.at])).toEqual([
      ['generalAvailability', '2024-01-01T00:00:00.000Z'],
      ['endOfSupport', '2030-01-01T00:00:00.000Z'],
      ['endOfLife', '2030-12-31T23:00:00.000Z'],
    ]);
  });

  it('keeps ids unique: the ODCS id when given, else kind, element and driver, then ~2', () => {
    const sla = parseSla([
      entry('latency', 1, 'h', { id: 'fresh_orders' }),
      entry('latency', 2, 'h'),
      entry('freshness', 3, 'h'),
    ]);
    expect(sla.objectives.map((o) => o.id)).toEqual(['fresh_orders', 'latency', 'latency~2']);
  });

  it('reads a frequency as a cron from schedule or value, else as an interval', () => {
    const sla = parseSla([
      entry('frequency', 'daily', undefined, { scheduler: 'cron', schedule: '0 6 * * *' }),
      entry('frequency', '30 2 * * 1-5'),
      entry('frequency', 6, 'h'),
    ]);
    expect(sla.objectives.map((o) => (o.kind === 'frequency' ? o.cadence : undefined))).toEqual([
      { type: 'cron', expression: '0 6 * * *', timezone: 'UTC' },
      { type: 'cron', expression: '30 2 * * 1-5', timezone: 'UTC' },
      { type: 'interval', seconds: 21_600 },
    ]);
  });

  it('keeps scheduler and schedule of a measured objective as when to check it', () => {
    const [latency] = parseSla([
      entry('latency', 4, 'd', { scheduler: 'cron', schedule: '0 3 * * *' }),
    ]).objectives;
    expect(latency?.checkSchedule).toEqual({ scheduler: 'cron', schedule: '0 3 * * *' });
  });

  it('reads an unlimited retention and time zones of a time of availability', () => {
    const sla = parseSla([
      entry('retention', 'unlimited'),
      entry('timeOfAvailability', '06:00 Europe/Paris'),
    ]);
    expect(sla.objectives).toMatchObject([
      { kind: 'retention', maxAgeSeconds: Number.POSITIVE_INFINITY },
      { kind: 'timeOfAvailability', time: '06:00:00', timezone: 'Europe/Paris' },
    ]);
  });

  it('lists what it does not evaluate, with the reason, and never throws', () => {
    const sla = parseSla([
      entry('throughput', 1000, 'rows/s'),
      entry('errorRate', 0.1),
      entry('timeToRepair', 4, 'h'),
      entry('support', '24/7'),
      entry('latency', 'soon', 'd'),
      entry('latency', 4, 'fortnight'),
      entry('latency', 4),
      entry('retention', -1, 'y'),
      entry('frequency', 'whenever', undefined, { scheduler: 'cron', schedule: 'every monday' }),
      entry('timeOfAvailability', '25:00'),
      entry('availability', 120),
      entry('availability', 99, 'h'),
      entry('availability', 'high'),
      entry('endOfLife', 'someday'),
      entry('latency', undefined),
      entry('latency', null),
      entry('', 1, 'd'),
    ]);
    expect(sla.objectives).toEqual([]);
    expect(sla.lifecycle).toEqual([]);
    expect(sla.notEvaluated.map((n) => n.reason)).toEqual([
      'throughput: Meshplane does not measure throughput yet',
      'errorRate: Meshplane does not measure error rates yet',
      'timeToRepair: time to repair is read from incident history, which SLA evaluation does not cover yet',
      "unknown SLA property 'support': Meshplane evaluates latency (freshness), retention, frequency, timeOfAvailability and availability",
      "latency: value 'soon' is not a number",
      expect.stringMatching(/^latency: unit 'fortnight' is not a duration unit/),
      expect.stringMatching(/^latency: value 4 needs a unit/),
      'retention: a duration must be positive, got -1',
      expect.stringMatching(/^frequency: 'every monday' is not a cron expression in UTC/),
      expect.stringMatching(/^timeOfAvailability: '25:00' is not a time of day/),
      'availability: value must be a percentage above 0 and at most 100, got 120',
      "availability: unit 'h' is not a percentage (use %, percent, or none)",
      'availability: value must be a percentage above 0 and at most 100, got "high"',
      expect.stringMatching(/^endOfLife: value must be a date/),
      'latency has no value',
      'latency has no value',
      'the entry names no property',
    ]);
  });
});
