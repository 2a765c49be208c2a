import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import { sqliteFileLock } from './sqlite-file-lock.js';
import { errorCode, type StoreDialect, type StoreFailure } from './store-dialect.js';

/** How long a writer waits for another process's write lock before the store reports UNAVAILABLE. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Kysely's SQLite driver with two changes. It takes the file's process-wide lock with the
 * connection (see sqlite-file-lock.ts). And it opens transactions with `BEGIN IMMEDIATE`: a
 * deferred transaction that reads and then writes gets SQLITE_BUSY at once, busy timeout or not,
 * when another process wrote in between; taking the write lock at the start makes the busy
 * timeout apply and keeps read-then-write checks (such as the deploy journal's) serialized across
 * processes. Every transaction of the store writes, so nothing is lost by it.
 */
class ControlStoreSqliteDriver extends SqliteDriver {
  readonly #fileLock: { lock(): Promise<void>; unlock(): void };

  constructor(config: SqliteDialectConfig, file: string) {
    super(config);
    this.#fileLock = sqliteFileLock(file);
  }

  /** Takes the file's process-wide lock first (see sqlite-file-lock.ts), then the connection. */
  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#fileLock.lock();
    try {
      return await super.acquireConnection();
    } catch (error) {
      this.#fileLock.unlock();
      throw error;
    }
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.#fileLock.unlock();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** Kysely's SQLite dialect with the driver above. */
class ControlStoreSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #file: string;

  constructor(config: SqliteDialectConfig, file: string) {
    super(config);
    this.#config = config;
    this.#file = file;
  }

  override createDriver(): Driver {
    return new ControlStoreSqliteDriver(this.#config, this.#file);
  }
}

function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // WAL makes NORMAL durable against process crashes; only a power loss can drop the last commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function classify(error: unknown): StoreFailure | undefined {
  const code = errorCode(error) ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'conflict';
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL') return 'invalid';
  if (/^SQLITE_(BUSY|LOCKED|CANTOPEN|READONLY|IOERR|FULL|NOTADB|CORRUPT|PERM|AUTH)/.test(code)) {
    return 'unavailable';
  }
  // Creating the database's folder failed.
  if (/^(EACCES|EPERM|ENOTDIR|EROFS|ENOSPC|EEXIST)$/.test(code)) return 'unavailable';
  return undefined;
}

/**
 * The embedded control store: one SQLite file (or `:memory:`), opened at the first query, in WAL
 * mode with a busy timeout and foreign keys on. Its folder is created if missing.
 */
export function createSqliteDialect(file: string): StoreDialect {
  return {
    dialect: new ControlStoreSqliteDialect({ database: async () => openDatabase(file) }, file),
    target: `SQLite database ${file}`,
    classify,
    redact: (text) => text,
    currentSchema: async () => undefined,
  };
}
