/**
 * The replication connection's messages in the order they arrived (data and keepalives alike, so a
 * keepalive is never handled before the data that came before it), for one consumer. When more
 * than `highWater` wait, `pause` stops reading the socket until the consumer caught up.
 */
export type QueueItem =
  | { readonly kind: 'data'; readonly message: unknown }
  | { readonly kind: 'keepalive'; readonly lsn: string };

export class MessageQueue {
  readonly #items: QueueItem[] = [];
  readonly #highWater: number;
  readonly #pause: (paused: boolean) => void;
  #paused = false;
  #failure: unknown;
  #failed = false;
  #wake: (() => void) | undefined;

  constructor(highWater: number, pause: (paused: boolean) => void) {
    this.#highWater = highWater;
    this.#pause = pause;
  }

  push(item: QueueItem): void {
    this.#items.push(item);
    if (!this.#paused && this.#items.length >= this.#highWater) {
      this.#paused = true;
      this.#pause(true);
    }
    this.#wake?.();
  }

  /** Ends the queue: `next` throws `error` once the items before it are taken. */
  fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#failure = error;
    this.#wake?.();
  }

  /** The next item, or undefined when none came within `waitMs` (or the signal aborted). */
  async next(waitMs: number, signal: AbortSignal): Promise<QueueItem | undefined> {
    if (this.#items.length === 0 && !this.#failed && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          this.#wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        signal.addEventListener('abort', done, { once: true });
        this.#wake = done;
      });
    }
    const item = this.#items.shift();
    if (this.#paused && this.#items.length <= this.#highWater / 2) {
      this.#paused = false;
      this.#pause(false);
    }
    if (item === undefined && this.#failed) throw this.#failure;
    return item;
  }
}
