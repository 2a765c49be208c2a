import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_CODE, HTTP_STATUS } from '../../errors/index.js';
import { QUOTA_EXCEEDED, queryTimeRefusal, storageRefusal } from './quota-refusal.js';

describe('quota refusals', () => {
  const now = new Date('2026-05-01T15:00:00Z');

  it('lets a query through while the day has query time left', () => {
    expect(queryTimeRefusal('sales', 7_200_000, 7_199_999, now)).toBeUndefined();
  });

  it('refuses once the quota is used up, naming domain, quota, usage and reset', () => {
    const refusal = queryTimeRefusal('sales', 7_200_000, 7_230_000, now);
    expect(refusal?.code).toBe('FORBIDDEN');
    expect(refusal?.message).toBe(
      "domain 'sales' is over its query time quota: 2h 00m used of 2h 00m per day (UTC); queries reading it are refused until the quota resets at 2026-05-02T00:00:00.000Z",
    );
    expect(refusal?.details).toEqual({
      reason: QUOTA_EXCEEDED,
      domain: 'sales',
      quota: 'queryTimePerDay',
      unit: 'ms',
      limit: 7_200_000,
      used: 7_230_000,
      resetsAt: '2026-05-02T00:00:00.000Z',
    });
    // The one error vocabulary: 403 over HTTP, exit 2 in the CLI.
    expect(HTTP_STATUS.FORBIDDEN).toBe(403);
    expect(EXIT_CODE.FORBIDDEN).toBe(EXIT.USAGE);
  });

  it('refuses storage at or over the quota, and says it does not reset with time', () => {
    expect(storageRefusal('crm', 1000, 999)).toBeUndefined();
    const refusal = storageRefusal('crm', 10_000_000, 12_345_678);
    expect(refusal?.code).toBe('FORBIDDEN');
    expect(refusal?.message).toMatch(/^domain 'crm' is over its storage quota: 12.3 MB stored of 10 MB;/);
    expect(refusal?.message).toMatch(/does not reset with time/);
    expect(refusal?.details).toEqual({
      reason: QUOTA_EXCEEDED,
      domain: 'crm',
      quota: 'storageBytes',
      unit: 'bytes',
      limit: 10_000_000,
      used: 12_345_678,
    });
    expect(storageRefusal('crm', 0, 0)?.code).toBe('FORBIDDEN');
  });
});
