import { describe, expect, it } from 'vitest';
import { decideAfterHash, needsHash } from './file-decision.js';
import type { LedgerState } from './file-ledger.js';

const file = { path: '/a.csv', size: 10, mtimeUs: '1000', mtimeMs: 1 };
const seen: LedgerState = { size: 10, mtimeUs: '1000', contentHash: 'h1', status: 'ingested', ingestedId: 1 };

describe('which file versions are new', () => {
  it('skips the very version the ledger has, whatever its outcome, without hashing', () => {
    expect(needsHash(file, undefined)).toBe(true);
    expect(needsHash(file, seen)).toBe(false);
    expect(needsHash(file, { ...seen, status: 'failed' })).toBe(false);
    expect(needsHash({ ...file, mtimeUs: '2000' }, seen)).toBe(true);
    expect(needsHash({ ...file, size: 11 }, seen)).toBe(true);
  });

  it('ingests new content, records a touched file as unchanged, retries a touched failure', () => {
    expect(decideAfterHash('h2', seen)).toBe('ingest');
    expect(decideAfterHash('h1', seen)).toBe('unchanged');
    expect(decideAfterHash('h1', { ...seen, status: 'unchanged' })).toBe('unchanged');
    expect(decideAfterHash('h1', { ...seen, status: 'failed' })).toBe('ingest');
    expect(decideAfterHash('h1', undefined)).toBe('ingest');
  });
});
