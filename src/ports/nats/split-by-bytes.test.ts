import { describe, expect, it } from 'vitest';
import { splitByBytes } from './split-by-bytes.js';

const item = (id: number, bytes: number) => ({ id, data: new Uint8Array(bytes) });
const ids = (runs: { id: number }[][]) => runs.map((run) => run.map((i) => i.id));

describe('splitByBytes', () => {
  it('keeps a batch under the bound whole', () => {
    expect(ids(splitByBytes([item(1, 3), item(2, 3), item(3, 4)], 10))).toEqual([[1, 2, 3]]);
  });

  it('starts a new run before the bound is passed, in order', () => {
    expect(ids(splitByBytes([item(1, 4), item(2, 4), item(3, 4), item(4, 1)], 8))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('puts a message heavier than the bound in a run of its own', () => {
    expect(ids(splitByBytes([item(1, 2), item(2, 50), item(3, 2)], 10))).toEqual([[1], [2], [3]]);
  });

  it('returns no runs for no messages', () => {
    expect(splitByBytes([], 10)).toEqual([]);
  });
});
