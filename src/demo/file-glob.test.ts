import { describe, expect, it } from 'vitest';
import { globFileName, matchesGlob, parseFileGlob } from './file-glob.js';

describe('parseFileGlob', () => {
  it('reads a folder and a name with one star', () => {
    const glob = parseFileGlob('data/orders/*.ndjson');
    expect(glob).toEqual({ dir: 'data/orders', prefix: '', suffix: '.ndjson', wildcard: true });
    if ('unsupported' in glob) return;
    expect(globFileName(glob, '2025-01')).toBe('2025-01.ndjson');
    expect(matchesGlob(glob, '2025-01.ndjson')).toBe(true);
    expect(matchesGlob(glob, '2025-01.ndjson.partial')).toBe(false);
  });

  it('reads a single file: every stem goes into it', () => {
    const glob = parseFileGlob('./stock.csv');
    expect(glob).toEqual({ dir: '', prefix: 'stock.csv', suffix: '', wildcard: false });
    if ('unsupported' in glob) return;
    expect(globFileName(glob, 'anything')).toBe('stock.csv');
  });

  it.each([
    ['/data/*.csv', /not relative/],
    ['../other/*.csv', /leaves/],
    ['data/*/x.csv', /folder/],
    ['data/**/*.csv', /folder/],
    ['data/*-*.csv', /other than one/],
    ['data/', /no file/],
  ])('refuses %s', (path, reason) => {
    const glob = parseFileGlob(path);
    expect('unsupported' in glob && glob.unsupported).toMatch(reason);
  });
});
