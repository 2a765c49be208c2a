import { MeshplaneError } from '../../errors/index.js';

/** The hub's settings, validated once at the edge and frozen. */
export interface DuckDBConfig {
  /** Worker threads of the hub; undefined lets DuckDB use every core. */
  readonly threads: number | undefined;
  /** DuckDB memory limit such as `4GB`; undefined keeps DuckDB's default (80% of RAM). */
  readonly memoryLimit: string | undefined;
  /** Where DuckDB spills when a query outgrows memory; undefined keeps DuckDB's default. */
  readonly tempDirectory: string | undefined;
  /** Rows per chunk that `stream()` yields at most (DuckDB produces 2048-row vectors). */
  readonly streamChunkRows: number;
}

export const DEFAULT_DUCKDB_CONFIG: DuckDBConfig = Object.freeze({
  threads: undefined,
  memoryLimit: undefined,
  tempDirectory: undefined,
  streamChunkRows: 2048,
});

const KEYS = new Set(['threads', 'memoryLimit', 'tempDirectory', 'streamChunkRows']);
const MEMORY = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

function fail(message: string): never {
  throw new MeshplaneError('INVALID_INPUT', `duckdb config: ${message}`);
}

function positiveInteger(value: unknown, key: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    fail(`${key} must be a positive integer`);
  }
  return value;
}

function text(value: unknown, key: string, shape?: RegExp): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || (shape !== undefined && !shape.test(value))) {
    fail(`${key} is not valid: ${JSON.stringify(value)}`);
  }
  return value;
}

/** Reads raw settings (from mesh.yaml or flags) into a frozen config; INVALID_INPUT when malformed. */
export function parseDuckDBConfig(raw: unknown = {}): DuckDBConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('must be an object');
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!KEYS.has(key)) fail(`unknown setting '${key}'`);
  return Object.freeze({
    threads: positiveInteger(record.threads, 'threads'),
    memoryLimit: text(record.memoryLimit, 'memoryLimit', MEMORY),
    tempDirectory: text(record.tempDirectory, 'tempDirectory'),
    streamChunkRows: positiveInteger(record.streamChunkRows, 'streamChunkRows') ?? 2048,
  });
}

/** The options DuckDBInstance.create receives. */
export function instanceOptions(config: DuckDBConfig): Record<string, string> {
  const options: Record<string, string> = {};
  if (config.threads !== undefined) options.threads = String(config.threads);
  if (config.memoryLimit !== undefined) options.memory_limit = config.memoryLimit;
  if (config.tempDirectory !== undefined) options.temp_directory = config.tempDirectory;
  return options;
}
