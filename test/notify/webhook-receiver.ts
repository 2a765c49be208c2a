/** A real HTTP receiver for the dispatcher tests: records every request and answers as told. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, and the status it answered. */
export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly status: number;
}

export interface Receiver {
  readonly port: number;
  readonly received: ReceivedRequest[];
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (`port` 0 for a free one). `respond` gives the status for the n-th request
 * (from 0) and may delay the answer.
 */
export async function startReceiver(
  respond: (path: string, n: number) => number | Promise<number>,
  port = 0,
): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      void Promise.resolve(respond(path, n++)).then((status) => {
        received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res
          .writeHead(status, { 'content-type': 'text/plain' })
          .end(status < 300 ? 'ok' : `failing with ${status}`);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    received,
    url: (path) => `http://127.0.0.1:${actual}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (taken from a server that is closed again). */
export async function closedPort(): Promise<number> {
  const receiver = await startReceiver(() => 200);
  await receiver.close();
  return receiver.port;
}

/** Polls `check` until it is true; fails after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}
