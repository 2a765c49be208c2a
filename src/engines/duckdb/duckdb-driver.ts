import { DuckDBInstance } from '@duckdb/node-api';
import { MeshplaneError } from '../../errors/index.js';
import type { Row, RowStream } from '../engine.js';
import { DEFAULT_DUCKDB_CONFIG, type DuckDBConfig, instanceOptions } from './duckdb-config.js';
import { quoteIdentifier, quoteLiteral } from './duckdb-dialect.js';
import { toEngineError } from './duckdb-errors.js';
import { DuckDBSession, type DuckDBStatementOptions } from './duckdb-session.js';

export interface AttachOptions {
  readonly readOnly?: boolean;
}

/**
 * The hub: one in-memory DuckDB instance of the runtime process, with each product's database
 * file attached under a catalog alias. Every read and write of product data goes through it (a
 * second instance attaching the same file would see a stale snapshot).
 */
export class DuckDBDriver {
  readonly config: DuckDBConfig;
  readonly #instance: DuckDBInstance;
  readonly #attached = new Map<string, string>();
  readonly #sessions = new Set<DuckDBSession>();
  #catalogWork: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(instance: DuckDBInstance, config: DuckDBConfig) {
    this.#instance = instance;
    this.config = config;
  }

  /** Opens the hub: an in-memory instance with the configured threads, memory and spill folder. */
  static async open(config: DuckDBConfig = DEFAULT_DUCKDB_CONFIG): Promise<DuckDBDriver> {
    try {
      const hub = new DuckDBDriver(await DuckDBInstance.create(':memory:', instanceOptions(config)), config);
      // UTC, ODCS's default zone: a timestamp with an offset converts the same on every machine.
      await hub.run("SET GLOBAL TimeZone = 'UTC'");
      return hub;
    } catch (error) {
      throw toEngineError(error, 'duckdb: cannot start');
    }
  }

  /** A new session (its own connection). The caller closes it; `close()` of the hub closes it too. */
  async session(): Promise<DuckDBSession> {
    if (this.#closed) throw new MeshplaneError('ENGINE_ERROR', 'duckdb: the hub is closed');
    const connection = await this.#instance.connect();
    const session: DuckDBSession = new DuckDBSession(connection, this.config.streamChunkRows, () =>
      this.#sessions.delete(session),
    );
    this.#sessions.add(session);
    return session;
  }

  /** Runs `fn` on a fresh session and closes it afterwards. */
  async withSession<T>(fn: (session: DuckDBSession) => Promise<T>): Promise<T> {
    const session = await this.session();
    try {
      return await fn(session);
    } finally {
      session.close();
    }
  }

  run(sql: string, options: DuckDBStatementOptions = {}): Promise<number> {
    return this.withSession((s) => s.run(sql, options));
  }

  query(sql: string, options: DuckDBStatementOptions = {}): Promise<Row[]> {
    return this.withSession((s) => s.query(sql, options));
  }

  /** Streams a query on a connection of its own, closed when the stream ends or is closed. */
  async stream(sql: string, options: DuckDBStatementOptions = {}): Promise<RowStream> {
    const session = await this.session();
    try {
      const inner = await session.stream(sql, options);
      return {
        columns: inner.columns,
        close: async () => {
          await inner.close();
          session.close();
        },
        [Symbol.asyncIterator]: () => wrapClose(inner, () => session.close()),
      };
    } catch (error) {
      session.close();
      throw error;
    }
  }

  /** Serializes ATTACH / DETACH so the alias map always matches DuckDB's catalogs. */
  #catalog<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#catalogWork.then(fn, fn);
    this.#catalogWork = next.catch(() => undefined);
    return next;
  }

  /** Attaches `file` as catalog `alias` (created when missing). Idempotent for the same file. */
  attach(alias: string, file: string, options: AttachOptions = {}): Promise<void> {
    return this.#catalog(async () => {
      const current = this.#attached.get(alias);
      if (current === file) return;
      if (current !== undefined) {
        throw new MeshplaneError('INVALID_INPUT', `catalog '${alias}' is already attached to ${current}`);
      }
      const mode = options.readOnly === true ? ' (READ_ONLY)' : '';
      await this.run(`ATTACH ${quoteLiteral(file)} AS ${quoteIdentifier(alias)}${mode}`);
      this.#attached.set(alias, file);
    });
  }

  /** Detaches a catalog (DuckDB checkpoints the file). Does nothing when it is not attached. */
  detach(alias: string): Promise<void> {
    return this.#catalog(async () => {
      if (!this.#attached.has(alias)) return;
      await this.run(`DETACH ${quoteIdentifier(alias)}`);
      this.#attached.delete(alias);
    });
  }

  /** The attached catalogs: alias → file (`:memory:` for in-memory ones). */
  attached(): ReadonlyMap<string, string> {
    return new Map(this.#attached);
  }

  /** Closes every session, detaches every file (checkpointing it) and stops the instance. */
  async close(): Promise<void> {
    if (this.#closed) return;
    for (const session of [...this.#sessions]) session.close();
    for (const alias of [...this.#attached.keys()]) await this.detach(alias).catch(() => undefined);
    this.#closed = true;
    this.#instance.closeSync();
  }
}

async function* wrapClose(inner: RowStream, onDone: () => void): AsyncGenerator<readonly Row[]> {
  try {
    yield* inner;
  } finally {
    onDone();
  }
}
