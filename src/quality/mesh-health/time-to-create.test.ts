import { describe, expect, it } from 'vitest';
import { SCAFFOLDED_AT } from '../../workspace/scaffold-time.js';
import { productCreation } from './time-to-create.js';

const scaffolded = (value: unknown) => [{ property: SCAFFOLDED_AT, value }];

describe('productCreation', () => {
  it('measures from the scaffold time to the first successful deploy', () => {
    const made = productCreation({
      customProperties: scaffolded('2025-01-01T10:00:00Z'),
      firstDeployAt: '2025-01-01T10:05:00.000Z',
      firstSucceededAt: '2025-01-01T10:12:30.500Z',
    });
    expect(made).toEqual({
      scaffoldedAt: '2025-01-01T10:00:00.000Z',
      firstSeenAt: '2025-01-01T10:05:00.000Z',
      firstDeployedAt: '2025-01-01T10:12:30.500Z',
      timeToCreate: {
        seconds: 750.5,
        source: 'scaffolded',
        from: '2025-01-01T10:00:00.000Z',
        to: '2025-01-01T10:12:30.500Z',
      },
      notes: [],
    });
  });

  it('starts at the first deploy attempt without a scaffold time, and says so in the source', () => {
    const made = productCreation({
      customProperties: [],
      firstDeployAt: '2025-01-01T10:00:00.000Z',
      firstSucceededAt: '2025-01-01T10:01:00.000Z',
    });
    expect(made.timeToCreate).toMatchObject({ seconds: 60, source: 'first-seen' });
    expect(made.notes).toEqual([]);
  });

  it('falls back to first sight, with a note, for an unreadable or a later-than-deploy scaffold time', () => {
    const unreadable = productCreation({
      customProperties: scaffolded('last tuesday'),
      firstDeployAt: '2025-01-01T10:00:00.000Z',
      firstSucceededAt: '2025-01-01T10:00:30.000Z',
    });
    expect(unreadable.timeToCreate).toMatchObject({ seconds: 30, source: 'first-seen' });
    expect(unreadable.notes[0]).toMatch(
      /meshplane\.scaffoldedAt must be an ISO 8601 instant.*"last tuesday"/,
    );

    const later = productCreation({
      customProperties: scaffolded('2025-02-01T00:00:00Z'),
      firstDeployAt: '2025-01-01T10:00:00.000Z',
      firstSucceededAt: '2025-01-01T10:00:30.000Z',
    });
    expect(later.timeToCreate).toMatchObject({ seconds: 30, source: 'first-seen' });
    expect(later.scaffoldedAt).toBe('2025-02-01T00:00:00.000Z');
    expect(later.notes[0]).toContain('is after the first successful deploy');
  });

  it('has no time to create for a product never deployed, but keeps what it knows', () => {
    const made = productCreation({
      customProperties: scaffolded('2025-01-01T10:00:00Z'),
      firstDeployAt: '2025-01-01T10:05:00.000Z',
    });
    expect(made.timeToCreate).toBeUndefined();
    expect(made).toMatchObject({
      scaffoldedAt: '2025-01-01T10:00:00.000Z',
      firstSeenAt: '2025-01-01T10:05:00.000Z',
    });
    expect(productCreation({ customProperties: [] })).toEqual({ notes: [] });
  });
});
