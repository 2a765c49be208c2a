import { describe, expect, it } from 'vitest';
import { parseArrayText } from './array-text.js';

describe('parseArrayText', () => {
  it('reads arrays as to_jsonb would give them', () => {
    expect(parseArrayText('{1,2,NULL}', 'number')).toEqual([1, 2, null]);
    expect(parseArrayText('{t,f}', 'boolean')).toEqual([true, false]);
    expect(parseArrayText('{x,"y z","q\\"uote","back\\\\slash","NULL",NULL}', 'text')).toEqual([
      'x',
      'y z',
      'q"uote',
      'back\\slash',
      'NULL',
      null,
    ]);
    expect(parseArrayText('{}', 'text')).toEqual([]);
    expect(parseArrayText('{{1,2},{3,4}}', 'number')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(parseArrayText('[0:1]={a,b}', 'text')).toEqual(['a', 'b']);
  });

  it('refuses what is not an array', () => {
    for (const text of ['', 'abc', '{a', '{"a}', '{a}x', '[1:2]{a}']) {
      expect(() => parseArrayText(text, 'text')).toThrow(/not a PostgreSQL array/);
    }
  });
});
