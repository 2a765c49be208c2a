import { describe, expect, it } from 'vitest';
import { LabelGuard, OTHER_LABEL_VALUE, oneOf, UNKNOWN_LABEL_VALUE } from './label-guard.js';

describe('the label guard', () => {
  it('admits a budget of distinct values per label name, then answers `_other`', () => {
    const guard = new LabelGuard(2);
    expect(['a', 'b', 'c', 'a'].map((v) => guard.value('product', v))).toEqual([
      'a',
      'b',
      OTHER_LABEL_VALUE,
      'a',
    ]);
    // Each label name has its own budget.
    expect(guard.value('port', 'c')).toBe('c');
  });

  it('cuts long values and names an empty one', () => {
    const guard = new LabelGuard();
    expect(guard.value('product', 'p'.repeat(300))).toBe('p'.repeat(128));
    expect(guard.value('product', '')).toBe(UNKNOWN_LABEL_VALUE);
  });

  it('keeps closed sets closed', () => {
    expect(oneOf('met', ['met', 'breached'] as const, 'breached')).toBe('met');
    expect(oneOf('sort of', ['met', 'breached'] as const, 'breached')).toBe('breached');
  });
});
