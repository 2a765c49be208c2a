import { describe, expect, it } from 'vitest';
import { formatCsv, formatTable } from './format-rows.js';

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers and counts rows', () => {
    const text = formatTable(
      ['city', 'orders'],
      [
        { city: 'Lyon', orders: 12 },
        { city: 'Amsterdam', orders: 7 },
      ],
    );
    expect(text).toBe(
      [
        'city      | orders',
        '----------+-------',
        'Lyon      |     12',
        'Amsterdam |      7',
        '(2 rows)',
        '',
      ].join('\n'),
    );
  });

  it('shows nulls as empty cells and clips very long values', () => {
    const text = formatTable(['a'], [{ a: null }, { a: 'x'.repeat(100) }]);
    expect(text).toContain(`${'x'.repeat(59)}…`);
    expect(text.split('\n')[2]).toBe('');
  });
});

describe('formatCsv', () => {
  it('quotes what needs quoting', () => {
    expect(
      formatCsv(
        ['a', 'b'],
        [
          { a: 'x,y', b: 'say "hi"' },
          { a: null, b: 3n },
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n,3\r\n');
  });
});
