import { describe, expect, it } from 'vitest';
import { suggestName } from './suggest-name.js';

describe('suggestName', () => {
  const names = ['logicalType', 'logicalTypeOptions', 'physicalType', 'name', 'id'];

  it('finds the closest name within two edits', () => {
    expect(suggestName('logicalTyp', names)).toBe('logicalType');
    expect(suggestName('nmae', names)).toBe('name');
  });

  it('allows up to a third of the length for long names', () => {
    expect(suggestName('trnsfrmDescriptin', ['transformDescription', 'description'])).toBe(
      'transformDescription',
    );
    expect(suggestName('lgcl', ['logicalType'])).toBeUndefined();
  });

  it('treats a case difference as the nearest miss', () => {
    expect(suggestName('logicaltype', names)).toBe('logicalType');
  });

  it('suggests nothing when no name is close or the word is short and different', () => {
    expect(suggestName('owner', names)).toBeUndefined();
    expect(suggestName('ab', names)).toBeUndefined();
    expect(suggestName('name', ['name'])).toBeUndefined();
  });
});
