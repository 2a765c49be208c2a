import type { FastifyInstance } from 'fastify';
import type { Lifecycle } from './lifecycle.js';

export interface ServeOptions {
  readonly app: FastifyInstance;
  readonly lifecycle: Lifecycle;
  readonly host: string;
  readonly port: number;
  /** Closes what the app uses (stores, engines, port runners) after in-flight requests finish. */
  readonly closeServices: () => Promise<void>;
  readonly log: (line: string) => void;
  /** How long in-flight work may take after SIGTERM before the process gives up on it. */
  readonly drainMs?: number;
}

/**
 * Listens, then on SIGTERM or SIGINT: readiness turns false at once, the listener stops taking
 * connections, in-flight requests finish, services close cleanly, and the returned promise
 * resolves with the exit code (0 for a clean stop, 1 when draining took too long).
 */
export async function serve(options: ServeOptions): Promise<{ url: string; stopped: Promise<number> }> {
  const { app, lifecycle } = options;
  const url = await app.listen({ host: options.host, port: options.port });
  lifecycle.markReady();
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      lifecycle.markStopping();
      options.log(`${signal}: finishing in-flight work, then stopping`);
      const timer = setTimeout(() => {
        options.log(`in-flight work did not finish within ${options.drainMs ?? 10_000} ms; stopping anyway`);
        resolve(1);
      }, options.drainMs ?? 10_000);
      timer.unref();
      void app
        .close()
        .then(() => options.closeServices())
        .then(
          () => {
            clearTimeout(timer);
            resolve(0);
          },
          (error: unknown) => {
            options.log(`error while stopping: ${error instanceof Error ? error.message : String(error)}`);
            clearTimeout(timer);
            resolve(1);
          },
        );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return { url, stopped };
}
