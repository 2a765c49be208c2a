import { describe, expect, it } from 'vitest';
import { parseSla } from '../../quality/sla/index.js';
import { slaPropertyInputs } from './sla-property-inputs.js';

describe('slaPropertyInputs', () => {
  const normalized = [
    { property: 'latency', value: 4, unit: 'd', element: 'orders.ts', path: ['slaProperties', 0] },
    { property: 'frequency', value: 1, unit: 'd', path: ['slaProperties', 1] },
    { property: 'retention', value: 3, unit: 'y', path: ['slaProperties', 2] },
  ] as const;
  const document = {
    slaProperties: [
      { id: 'fresh', property: 'latency', value: 4, unit: 'd', description: 'fresh enough' },
      { property: 'frequency', value: 1, unit: 'd', scheduler: 'cron', schedule: '0 6 * * *' },
      { property: 'availability', id: 'not-the-same-entry' },
    ],
  };

  it('adds the ODCS fields the normalized entries leave out, matched by position and property', () => {
    const inputs = slaPropertyInputs(normalized, document);
    expect(inputs[0]).toMatchObject({ id: 'fresh', description: 'fresh enough', element: 'orders.ts' });
    expect(inputs[1]).toMatchObject({ scheduler: 'cron', schedule: '0 6 * * *' });
    expect(inputs[2]).not.toHaveProperty('id');
    const parsed = parseSla(inputs);
    expect(parsed.objectives.map((o) => o.id)).toEqual(['fresh', 'frequency', 'retention']);
    expect(parsed.objectives[1]).toMatchObject({
      kind: 'frequency',
      cadence: { type: 'cron', expression: '0 6 * * *' },
    });
  });

  it('keeps the normalized entries when the document is missing or malformed', () => {
    for (const doc of [undefined, null, 'text', { slaProperties: 'x' }, { slaProperties: [1, null] }]) {
      expect(slaPropertyInputs(normalized, doc)).toEqual(normalized);
    }
    const long = { slaProperties: [{ property: 'latency', id: 'x'.repeat(600) }] };
    expect(slaPropertyInputs(normalized, long)[0]).not.toHaveProperty('id');
  });
});
