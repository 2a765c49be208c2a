import { describe, expect, it } from 'vitest';
import { instanceOptions, parseDuckDBConfig } from './duckdb-config.js';

describe('parseDuckDBConfig', () => {
  it('fills defaults and freezes', () => {
    const config = parseDuckDBConfig({});
    expect(config).toEqual({
      threads: undefined,
      memoryLimit: undefined,
      tempDirectory: undefined,
      streamChunkRows: 2048,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(instanceOptions(config)).toEqual({});
  });

  it('passes valid settings to DuckDB', () => {
    const config = parseDuckDBConfig({ threads: 4, memoryLimit: '2GB', tempDirectory: '/tmp/spill' });
    expect(instanceOptions(config)).toEqual({
      threads: '4',
      memory_limit: '2GB',
      temp_directory: '/tmp/spill',
    });
  });

  it.each([
    [[], /must be an object/],
    [{ threads: 0 }, /threads must be a positive integer/],
    [{ memoryLimit: 'lots' }, /memoryLimit is not valid/],
    [{ thread: 2 }, /unknown setting 'thread'/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseDuckDBConfig(raw)).toThrow(message);
  });
});
