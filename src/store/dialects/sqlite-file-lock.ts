/**
 * One lock per SQLite file for the whole process. better-sqlite3 is synchronous: when one
 * connection waits for another's write lock, it blocks the event loop for the busy timeout, and if
 * the holder is in the same process it can never finish, so the wait ends in SQLITE_BUSY. Holding
 * this lock while a connection is in use means two stores on one file in one process take turns
 * instead; other processes are still kept apart by SQLite's own locks and the busy timeout.
 */
class Mutex {
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.#held !== undefined) await this.#held;
    this.#held = new Promise((resolve) => {
      this.#release = resolve;
    });
  }

  unlock(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}

const locks = new Map<string, Mutex>();

/** The process-wide lock of a database file (a private one for `:memory:`, which is never shared). */
export function sqliteFileLock(file: string): { lock(): Promise<void>; unlock(): void } {
  if (file === ':memory:') return new Mutex();
  let mutex = locks.get(file);
  if (mutex === undefined) {
    mutex = new Mutex();
    locks.set(file, mutex);
  }
  return mutex;
}
