import { describe, expect, it } from 'vitest';
import { type ComparedColumn, comparableCell, compareRows } from './compare-rows.js';

const id: ComparedColumn = { name: 'id', kind: 'integer', sqlType: 'BIGINT' };
const name: ComparedColumn = { name: 'name', kind: 'text', sqlType: 'VARCHAR' };
const score: ComparedColumn = { name: 'score', kind: 'number', sqlType: 'DOUBLE' };
const columns = [id, name, score];

describe('compareRows', () => {
  it('finds equal sets whatever the row order', () => {
    const result = compareRows(
      columns,
      ['id'],
      [
        ['2', 'b', '1.5'],
        ['1', 'a', null],
      ],
      [
        ['1', 'a', null],
        ['2', 'b', '1.5'],
      ],
      10,
    );
    expect(result).toEqual({
      equal: true,
      key: ['id'],
      missingRows: 0,
      extraRows: 0,
      changedRows: 0,
      differences: [],
      truncated: false,
    });
  });

  it('names missing, extra and changed rows, sorted by key (numbers by value)', () => {
    const result = compareRows(
      columns,
      ['id'],
      [
        ['10', 'ten', '1'],
        ['2', 'two', '2'],
        ['3', 'three', '3'],
      ],
      [
        ['3', 'three', '3'],
        ['2', 'TWO', null],
        ['9', 'nine', '9'],
      ],
      10,
    );
    expect(result.equal).toBe(false);
    expect([result.missingRows, result.extraRows, result.changedRows]).toEqual([1, 1, 1]);
    expect(result.differences).toEqual([
      {
        kind: 'changed',
        key: { id: '2' },
        cells: [
          { column: 'name', expected: 'two', actual: 'TWO' },
          { column: 'score', expected: '2', actual: null },
        ],
      },
      { kind: 'extra', row: { id: '9', name: 'nine', score: '9' } },
      { kind: 'missing', row: { id: '10', name: 'ten', score: '1' } },
    ]);
  });

  it('compares floating-point cells to 12 significant digits, other cells exactly', () => {
    expect(comparableCell(score, '0.30000000000000004')).toBe('0.3');
    expect(comparableCell(score, '1e3')).toBe('1000');
    expect(comparableCell(id, '0.30000000000000004')).toBe('0.30000000000000004');
    expect(compareRows([score], [], [['0.3']], [['0.30000000000000004']], 10).equal).toBe(true);
    expect(compareRows([score], [], [['0.3']], [['0.3001']], 10).equal).toBe(false);
  });

  it('without a key, compares rows as multisets: a duplicate counts', () => {
    const result = compareRows([name], [], [['a'], ['a'], ['b']], [['a'], ['b'], ['b']], 10);
    expect(result.key).toEqual(['name']);
    expect(result.differences).toEqual([
      { kind: 'missing', row: { name: 'a' } },
      { kind: 'extra', row: { name: 'b' } },
    ]);
  });

  it('pairs rows that share a key and keeps identical ones matched first', () => {
    const result = compareRows(
      columns,
      ['id'],
      [
        ['1', 'a', '1'],
        ['1', 'b', '1'],
      ],
      [
        ['1', 'b', '1'],
        ['1', 'c', '1'],
      ],
      10,
    );
    expect(result.changedRows).toBe(1);
    expect(result.differences).toEqual([
      { kind: 'changed', key: { id: '1' }, cells: [{ column: 'name', expected: 'a', actual: 'c' }] },
    ]);
  });

  it('lists at most `limit` differences and says there were more', () => {
    const expected = Array.from({ length: 25 }, (_, i) => [String(i), 'x', '1']);
    const result = compareRows(columns, ['id'], expected, [], 5);
    expect(result.missingRows).toBe(25);
    expect(result.differences).toHaveLength(5);
    expect(result.differences.map((d) => (d.kind === 'missing' ? d.row.id : ''))).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(result.truncated).toBe(true);
  });

  it('sorts NULL keys first', () => {
    const result = compareRows([name], ['name'], [['b'], [null]], [], 10);
    expect(result.differences.map((d) => (d.kind === 'missing' ? d.row.name : 'x'))).toEqual([null, 'b']);
  });
});
