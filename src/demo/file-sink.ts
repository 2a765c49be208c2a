import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/** Text is handed to the file system in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 16;

/**
 * Appends text to a file through a write stream, with backpressure: `write` buffers a chunk and
 * returns a promise only when the chunk went out and the stream asked to wait, so a fast producer
 * never piles up more than one chunk plus the stream's own buffer in memory.
 */
export class FileSink {
  private readonly stream: WriteStream;
  private pending = '';
  private failure: unknown;

  constructor(filePath: string) {
    this.stream = createWriteStream(filePath);
    // Kept so that an error between writes is reported by the next write, not as an uncaught event.
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** Buffers `text`; when a chunk is full, writes it and returns a promise to await before going on. */
  write(text: string): Promise<void> | undefined {
    this.pending += text;
    return this.pending.length >= CHUNK_CHARS ? this.flush() : undefined;
  }

  /** Writes what is buffered, waiting for the stream to drain if it asks to. */
  async flush(): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (this.pending === '') return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Writes the rest and closes the file; resolves once the data is handed to the OS. */
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.failure !== undefined) throw this.failure;
  }

  /** Closes the file without caring for what was not written. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await finished(this.stream).catch(() => undefined);
  }
}
