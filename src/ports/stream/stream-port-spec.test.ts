import { describe, expect, it } from 'vitest';
import type { StoredInputPort } from '../../runtime/runtime-product.js';
import { DEFAULT_DEDUP_WINDOW_MS, streamPortSpec } from './stream-port-spec.js';

function port(settings: Record<string, unknown>): StoredInputPort {
  return {
    kind: 'http-push',
    name: 'events',
    columns: [{ name: 'id', sqlType: 'VARCHAR', kind: 'text', required: true }],
    schema: { name: 'events', properties: [{ name: 'id', physicalName: 'id', primaryKey: true }] },
    settings: { kind: 'http-push', ...settings },
  } as unknown as StoredInputPort;
}

describe('streamPortSpec', () => {
  it('keeps keys for the dedup window: 7 days by default, a duration, or forever', () => {
    expect(streamPortSpec(port({})).dedupWindowMs).toBe(DEFAULT_DEDUP_WINDOW_MS);
    expect(streamPortSpec(port({ dedupWindow: '12h' })).dedupWindowMs).toBe(12 * 3_600_000);
    expect(streamPortSpec(port({ dedupWindow: 'forever' })).dedupWindowMs).toBeUndefined();
    expect(streamPortSpec(port({})).primaryKey).toEqual(['id']);
  });

  it('refuses a window that is not a duration of at least a second, naming the port', () => {
    for (const bad of ['soon', '500ms', 7, ''])
      expect(() => streamPortSpec(port({ dedupWindow: bad }))).toThrow(
        /input port events: meshplane.port dedupWindow must be a duration/,
      );
  });
});
