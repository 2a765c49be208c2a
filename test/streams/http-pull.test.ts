import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHttpPullSource,
  decodeCheckpoint,
  type HttpPullConfig,
  httpPullConfig,
  type PullEnvironment,
  pullPages,
} from '../../src/ports/http-pull/index.js';
import type {
  PortStatus,
  StreamBatch,
  StreamBatchResult,
  StreamSink,
  StreamSourceContext,
} from '../../src/ports/stream/index.js';
import type { StoredInputPort } from '../../src/runtime/runtime-product.js';

// ---- a local JSON API --------------------------------------------------------------------

type Handler = (url: URL, res: ServerResponse, req: IncomingMessage) => void;

interface TestApi {
  readonly base: string;
  readonly requests: { readonly url: URL; readonly headers: IncomingHttpHeaders }[];
  handler: Handler;
  close(): Promise<void>;
}

const servers: TestApi[] = [];

async function startApi(handler: Handler): Promise<TestApi> {
  const requests: TestApi['requests'] = [];
  const api = { handler } as TestApi & { handler: Handler };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ url, headers: req.headers });
    api.handler(url, res, req);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(api, {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  servers.push(api);
  return api;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function json(res: ServerResponse, body: unknown, headers: Record<string, string> = {}, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

// ---- an in-memory sink -------------------------------------------------------------------

/** Stores records by key (a repeated key is a duplicate) with the checkpoint, like the real sink. */
class MemorySink implements StreamSink {
  readonly rows: unknown[] = [];
  readonly batches: StreamBatch[] = [];
  private readonly keys = new Set<string>();
  private stored: string | undefined;
  /** Throws on this write (1-based), as a crash before COMMIT would: nothing of the batch is kept. */
  failOnWrite: number | undefined;

  async write(batch: StreamBatch): Promise<StreamBatchResult> {
    if (this.failOnWrite === this.batches.length + 1) {
      this.failOnWrite = undefined;
      throw new Error('disk full');
    }
    this.batches.push(batch);
    let accepted = 0;
    let duplicates = 0;
    for (const r of batch.records) {
      if (r.key !== undefined && this.keys.has(r.key)) {
        duplicates++;
        continue;
      }
      if (r.key !== undefined) this.keys.add(r.key);
      this.rows.push(r.value);
      accepted++;
    }
    if (batch.checkpoint !== undefined) this.stored = batch.checkpoint;
    const counts = { accepted, duplicates, quarantined: 0 };
    return {
      ...counts,
      groups: new Map([[-1, counts]]),
      ...(this.stored ? { checkpoint: this.stored } : {}),
    };
  }

  stage(): never {
    throw new Error('an http-pull source writes records, it does not stage them');
  }

  async checkpoint(): Promise<string | undefined> {
    return this.stored;
  }

  ids(): unknown[] {
    return this.rows.map((r) => (r as { id: unknown }).id);
  }
}

// ---- helpers -----------------------------------------------------------------------------

function config(url: string, settings: Record<string, unknown> = {}, primaryKey = true): HttpPullConfig {
  return httpPullConfig({
    kind: 'http-pull',
    name: 'orders',
    columns: [],
    schema: {
      name: 'orders',
      properties: [{ name: 'id', physicalName: 'id', primaryKey, primaryKeyPosition: 1 }],
    },
    settings: { kind: 'http-pull', every: '1h', backoff: '5ms', ...settings },
    server: { server: 'api', type: 'api', settings: { location: url }, customProperties: [], path: [] },
  } as unknown as StoredInputPort);
}

const logs: string[] = [];
function pullEnv(env: Record<string, string> = {}): PullEnvironment {
  return { fetch, random: () => 1, now: Date.now, env, log: (line) => logs.push(line) };
}

async function pull(c: HttpPullConfig, sink: MemorySink, env?: Record<string, string>) {
  const from = decodeCheckpoint(await sink.checkpoint(), c.port);
  return pullPages(c, sink, from, new AbortController().signal, pullEnv(env));
}

function orders<T extends object = object>(
  from: number,
  to: number,
  extra: (n: number) => T = () => ({}) as T,
): ({ id: string } & T)[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ id: `o${from + i}`, ...extra(from + i) }));
}

// ---- pagination --------------------------------------------------------------------------

describe('http-pull pagination', () => {
  it('walks cursor pages until the body has no cursor', async () => {
    const pages: Record<string, { data: unknown[]; meta: { next: string | null } }> = {
      '': { data: orders(1, 2), meta: { next: 'c2' } },
      c2: { data: orders(3, 4), meta: { next: 'c3' } },
      c3: { data: orders(5, 5), meta: { next: null } },
    };
    const api = await startApi((url, res) => json(res, pages[url.searchParams.get('after') ?? '']));
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, {
      records: '/data',
      pagination: { type: 'cursor', param: 'after', next: 'meta.next' },
    });
    const outcome = await pull(c, sink);
    expect(outcome).toMatchObject({ pages: 3, accepted: 5, duplicates: 0, complete: true });
    expect(sink.ids()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
    expect(api.requests.map((r) => r.url.search)).toEqual(['', '?after=c2', '?after=c3']);
    expect(sink.batches.map((b) => b.checkpoint)).toEqual([
      '{"next":{"cursor":"c2"}}',
      '{"next":{"cursor":"c3"}}',
      '{}',
    ]);
    // Each record names its page and place, for quarantine rows.
    expect(sink.batches[1]?.records[1]).toMatchObject({
      key: 'o4',
      source: `http-pull:${api.base}/orders#2`,
      position: 2,
    });
  });

  it('walks offset pages until one is short', async () => {
    const all = orders(1, 5);
    const api = await startApi((url, res) => {
      const offset = Number(url.searchParams.get('offset'));
      json(res, all.slice(offset, offset + Number(url.searchParams.get('limit'))));
    });
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, {
      pagination: { type: 'offset', param: 'offset', limit: 2, limitParam: 'limit' },
    });
    expect(await pull(c, sink)).toMatchObject({ pages: 3, accepted: 5, complete: true });
    expect(api.requests.map((r) => r.url.search)).toEqual([
      '?offset=0&limit=2',
      '?offset=2&limit=2',
      '?offset=4&limit=2',
    ]);
    expect(sink.ids()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
  });

  it('follows Link rel="next" headers and sends header secrets from the environment', async () => {
    const api = await startApi((url, res) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      const link =
        page < 3 ? { link: `</orders?page=${page + 1}>; rel="next", </orders?page=1>; rel="first"` } : {};
      json(res, orders(page * 10, page * 10 + 1), link);
    });
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, {
      pagination: { type: 'link' },
      headers: { Authorization: { env: 'ORDERS_TOKEN' }, 'X-Client': 'meshplane-test' },
    });
    expect(await pull(c, sink, { ORDERS_TOKEN: 'Bearer s3cret' })).toMatchObject({ pages: 3, accepted: 6 });
    expect(sink.ids()).toEqual(['o10', 'o11', 'o20', 'o21', 'o30', 'o31']);
    expect(api.requests.map((r) => r.url.search)).toEqual(['', '?page=2', '?page=3']);
    expect(api.requests.every((r) => r.headers.authorization === 'Bearer s3cret')).toBe(true);
    expect(api.requests[0]?.headers['x-client']).toBe('meshplane-test');
    expect(api.requests[0]?.headers.accept).toBe('application/json');
  });

  it('refuses a next link to another origin, so the secrets stay with the API', async () => {
    const api = await startApi((_url, res) =>
      json(res, orders(1, 1), { link: '<http://198.51.100.7/steal>; rel="next"' }),
    );
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, { pagination: { type: 'link' } });
    await expect(pull(c, sink)).rejects.toThrow(
      /next link leads to another origin \(http:\/\/198\.51\.100\.7\)/,
    );
    expect(api.requests).toHaveLength(1);
    expect(sink.rows).toEqual([]);
  });

  it('refuses a cursor that repeats, which would never end', async () => {
    const api = await startApi((_url, res) => json(res, { data: orders(1, 1), next: 'same' }));
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, {
      records: 'data',
      pagination: { type: 'cursor', param: 'c', next: 'next' },
    });
    await expect(pull(c, sink)).rejects.toThrow(/gave the same cursor again/);
    // The first page was new; it is stored. The repeat is not fetched again.
    expect(api.requests).toHaveLength(2);
    expect(sink.ids()).toEqual(['o1']);
  });
});

// ---- watermarks --------------------------------------------------------------------------

describe('http-pull watermark', () => {
  it('sends the stored watermark and stores only newer records on the next pull', async () => {
    let data = orders(1, 3, (n) => ({ updated_at: `2024-05-01T10:0${n}:00Z` }));
    const api = await startApi((url, res) => {
      const since = url.searchParams.get('since');
      json(res, { items: data.filter((o) => since === null || o.updated_at > since) });
    });
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, {
      records: 'items',
      watermark: { field: 'updated_at', param: 'since' },
    });
    expect(await pull(c, sink)).toMatchObject({
      accepted: 3,
      checkpoint: { watermark: '2024-05-01T10:03:00Z' },
    });
    data = [...data, ...orders(4, 5, (n) => ({ updated_at: `2024-05-01T10:0${n}:00Z` }))];
    const second = await pull(c, sink);
    expect(second).toMatchObject({ pages: 1, accepted: 2, duplicates: 0 });
    expect(api.requests[1]?.url.searchParams.get('since')).toBe('2024-05-01T10:03:00Z');
    expect(sink.ids()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
    expect(await sink.checkpoint()).toBe('{"watermark":"2024-05-01T10:05:00Z"}');
    // Nothing new: no request param change, nothing written.
    const third = await pull(c, sink);
    expect(third).toMatchObject({ accepted: 0 });
    expect(sink.batches).toHaveLength(2);
  });

  it('filters by the watermark itself when the API ignores the parameter', async () => {
    let data = orders(1, 3, (n) => ({ seq: n }));
    const api = await startApi((_url, res) => json(res, data));
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, { watermark: { field: 'seq' } }, false);
    expect(c.idFields).toEqual([]);
    await pull(c, sink);
    data = [...data, ...orders(4, 4, (n) => ({ seq: n }))];
    expect(await pull(c, sink)).toMatchObject({ accepted: 1, skipped: 3 });
    expect(sink.ids()).toEqual(['o1', 'o2', 'o3', 'o4']);
    expect(api.requests[1]?.url.search).toBe('');
  });

  it('with keys, hands records at the watermark itself to the sink, which drops the stored ones', async () => {
    let data = orders(1, 2, () => ({ at: 5 }));
    const api = await startApi((_url, res) => json(res, data));
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, { watermark: { field: 'at' } });
    await pull(c, sink);
    // o3 shares the last stored instant: it is not lost; o1 and o2 are duplicates.
    data = [...data, ...orders(3, 3, () => ({ at: 5 }))];
    expect(await pull(c, sink)).toMatchObject({ accepted: 1, duplicates: 2, skipped: 0 });
    expect(sink.ids()).toEqual(['o1', 'o2', 'o3']);
  });

  it('filters every page of a walk by the watermark it started with, and stores the highest at its end', async () => {
    // Pages not sorted by the watermark field: page 1 holds the newest record.
    const pages = [[{ id: 'a', seq: 9 }], [{ id: 'b', seq: 4 }]];
    const api = await startApi((url, res) => {
      const offset = Number(url.searchParams.get('offset'));
      json(res, pages[offset] ?? []);
    });
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, {
      watermark: { field: 'seq' },
      pagination: { type: 'offset', param: 'offset', limit: 1 },
    });
    expect(await pull(c, sink)).toMatchObject({ accepted: 2 });
    expect(sink.batches.map((b) => b.checkpoint)).toEqual([
      '{"high":9,"next":{"offset":1}}',
      '{"high":9,"next":{"offset":2}}',
      '{"watermark":9}',
    ]);
  });
});

// ---- retries -----------------------------------------------------------------------------

describe('http-pull retries', () => {
  it('retries a 503 with backoff and stores the page once', async () => {
    let calls = 0;
    const api = await startApi((_url, res) => {
      calls++;
      if (calls <= 2) return json(res, { error: 'warming up' }, {}, 503);
      json(res, orders(1, 2));
    });
    const sink = new MemorySink();
    logs.length = 0;
    expect(await pull(config(`${api.base}/orders`, { retries: 3 }), sink)).toMatchObject({ accepted: 2 });
    expect(api.requests).toHaveLength(3);
    expect(logs[0]).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/orders answered 503 Service Unavailable: \{"error":"warming up"\}; retry 1 of 3 in 5ms/,
    );
    expect(logs[1]).toMatch(/retry 2 of 3 in 10ms/);
    expect(sink.ids()).toEqual(['o1', 'o2']);
  });

  it('waits what a 429 Retry-After asks', async () => {
    let calls = 0;
    const api = await startApi((_url, res) => {
      calls++;
      if (calls === 1) return json(res, { error: 'slow down' }, { 'retry-after': '1' }, 429);
      json(res, orders(1, 1));
    });
    const sink = new MemorySink();
    const started = Date.now();
    expect(await pull(config(`${api.base}/orders`), sink)).toMatchObject({ accepted: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(api.requests).toHaveLength(2);
  });

  it('retries a dropped connection, then gives up with UNAVAILABLE and stores nothing', async () => {
    const api = await startApi((_url, res) => res.socket?.destroy());
    const sink = new MemorySink();
    await expect(pull(config(`${api.base}/orders`, { retries: 2 }), sink)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(
        /GET http:\/\/127\.0\.0\.1:\d+\/orders: fetch failed.*\(gave up after 3 attempts\)/,
      ),
    });
    expect(api.requests).toHaveLength(3);
    expect(sink.batches).toEqual([]);
  });

  it('retries a request that takes longer than the timeout', async () => {
    let calls = 0;
    const api = await startApi((_url, res) => {
      calls++;
      // The first request is never answered.
      if (calls > 1) json(res, orders(1, 1));
    });
    const sink = new MemorySink();
    logs.length = 0;
    expect(await pull(config(`${api.base}/orders`, { timeout: '300ms' }), sink)).toMatchObject({
      accepted: 1,
    });
    expect(logs[0]).toMatch(/\/orders: no answer within 300ms; retry 1 of 5/);
    expect(sink.ids()).toEqual(['o1']);
  });

  it('does not retry a 404, and names the status and body', async () => {
    const api = await startApi((_url, res) => json(res, { error: 'no such feed' }, {}, 404));
    const sink = new MemorySink();
    await expect(pull(config(`${api.base}/orders`), sink)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/\/orders answered 404 Not Found: \{"error":"no such feed"\}$/),
      details: { status: 404 },
    });
    expect(api.requests).toHaveLength(1);
  });
});

// ---- hostile or broken responses ---------------------------------------------------------

describe('http-pull refuses unusable responses and stores nothing', () => {
  const cases: [string, Handler, Record<string, unknown>, RegExp][] = [
    [
      'an HTML page',
      (_u, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><body>Login</body></html>');
      },
      {},
      /\/orders: the response is text\/html, not JSON/,
    ],
    [
      'a body over maxResponseBytes (declared)',
      (_u, res) => json(res, orders(1, 500)),
      { maxResponseBytes: 1024 },
      /the response is larger than 1024 bytes \(maxResponseBytes\)/,
    ],
    [
      'a chunked body over maxResponseBytes',
      (_u, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        for (let i = 0; i < 200; i++) res.write(`${JSON.stringify({ id: `o${i}` })},`);
        res.end('{"id":"last"}]');
      },
      { maxResponseBytes: 1024 },
      /larger than 1024 bytes/,
    ],
    [
      'a body nested too deep',
      (_u, res) => json(res, [{ id: 'o1', x: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) }]),
      {},
      /nests deeper than 32 levels \(maxDepth\)/,
    ],
    [
      'text that is not JSON',
      (_u, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": ');
      },
      {},
      /the response is not JSON \(/,
    ],
    [
      'a body without the records array',
      (_u, res) => json(res, { data: { id: 'o1' } }),
      { records: 'data' },
      /expected an array of records at data, found a object/,
    ],
  ];

  it.each(cases)('%s', async (_name, handler, settings, message) => {
    const api = await startApi(handler);
    const sink = new MemorySink();
    await expect(pull(config(`${api.base}/orders`, settings), sink)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(message),
    });
    expect(api.requests).toHaveLength(1);
    expect(sink.batches).toEqual([]);
  });
});

// ---- resume ------------------------------------------------------------------------------

describe('http-pull resumes from the stored checkpoint', () => {
  const pages: Record<string, { data: unknown[]; next?: string }> = {
    '': { data: orders(1, 2), next: 'p2' },
    p2: { data: orders(3, 4), next: 'p3' },
    p3: { data: orders(5, 6) },
  };
  const settings = { records: 'data', pagination: { type: 'cursor', param: 'cursor', next: 'next' } };

  it('goes on where the page limit stopped the walk', async () => {
    const api = await startApi((url, res) => json(res, pages[url.searchParams.get('cursor') ?? '']));
    const sink = new MemorySink();
    const c = config(`${api.base}/orders`, { ...settings, maxPages: 2 });
    expect(await pull(c, sink)).toMatchObject({ pages: 2, complete: false });
    expect(await sink.checkpoint()).toBe('{"next":{"cursor":"p3"}}');
    expect(await pull(c, sink)).toMatchObject({ pages: 1, complete: true });
    expect(api.requests.map((r) => r.url.search)).toEqual(['', '?cursor=p2', '?cursor=p3']);
    expect(sink.ids()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
  });

  it('after a failed write, fetches again from the first unstored page: nothing lost, nothing twice', async () => {
    const api = await startApi((url, res) => json(res, pages[url.searchParams.get('cursor') ?? '']));
    const sink = new MemorySink();
    sink.failOnWrite = 2;
    // No key: exactly once rests on the checkpoint alone.
    const c = config(`${api.base}/orders`, { ...settings, watermark: { field: 'id' } }, false);
    await expect(pull(c, sink)).rejects.toThrow(/disk full/);
    expect(sink.ids()).toEqual(['o1', 'o2']);
    await pull(c, sink);
    expect(sink.ids()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
    expect(api.requests.map((r) => r.url.search)).toEqual(['', '?cursor=p2', '?cursor=p2', '?cursor=p3']);
    expect(await sink.checkpoint()).toBe('{"watermark":"o6"}');
  });

  it('walks again from the first page when the API refuses a stored cursor', async () => {
    const api = await startApi((url, res) => {
      const cursor = url.searchParams.get('cursor') ?? '';
      if (cursor === 'p2') return json(res, { error: 'cursor expired' }, {}, 410);
      json(res, { data: orders(1, 2) });
    });
    const sink = new MemorySink();
    await sink.write({ records: [], checkpoint: '{"next":{"cursor":"p2"}}' });
    const c = config(`${api.base}/orders`, settings);
    await expect(pull(c, sink)).rejects.toMatchObject({
      message: expect.stringMatching(/410 Gone.*the next pull walks the pages again from the first/),
      details: { status: 410, restart: true },
    });
    const from = decodeCheckpoint(await sink.checkpoint(), 'orders');
    await pullPages(c, sink, from, new AbortController().signal, pullEnv(), true);
    expect(sink.ids()).toEqual(['o1', 'o2']);
    expect(await sink.checkpoint()).toBe('{}');
  });
});

// ---- the source --------------------------------------------------------------------------

interface Run {
  readonly statuses: Omit<PortStatus, 'since'>[];
  readonly stop: () => Promise<void>;
  readonly done: Promise<void>;
  until(predicate: () => boolean, ms?: number): Promise<void>;
}

function runSource(c: HttpPullConfig, sink: StreamSink, env: Record<string, string> = {}): Run {
  const controller = new AbortController();
  const statuses: Omit<PortStatus, 'since'>[] = [];
  const ctx: StreamSourceContext = {
    productId: 'sales.orders',
    port: c.port,
    sink,
    signal: controller.signal,
    report: (s) => statuses.push(s),
    log: () => undefined,
  };
  const done = createHttpPullSource(c, { env, random: () => 0.5 }).run(ctx);
  return {
    statuses,
    done,
    stop: async () => {
      controller.abort();
      await done;
    },
    until: async (predicate, ms = 5000) => {
      const deadline = Date.now() + ms;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out; statuses: ${JSON.stringify(statuses)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

describe('the http-pull source', () => {
  it('pulls at start and on every tick, reporting running, and stops on abort', async () => {
    let data = orders(1, 2, (n) => ({ seq: n }));
    const api = await startApi((url, res) => {
      const after = Number(url.searchParams.get('after') ?? 0);
      json(
        res,
        data.filter((o) => o.seq > after),
      );
    });
    const sink = new MemorySink();
    const run = runSource(
      config(`${api.base}/orders`, { every: '200ms', watermark: { field: 'seq', param: 'after' } }),
      sink,
    );
    await run.until(() => sink.rows.length === 2);
    data = [...data, ...orders(3, 3, (n) => ({ seq: n }))];
    await run.until(() => api.requests.some((r) => r.url.search === '?after=3'));
    await run.stop();
    expect(sink.ids()).toEqual(['o1', 'o2', 'o3']);
    expect(api.requests[0]?.url.search).toBe('');
    expect(api.requests[1]?.url.search).toBe('?after=2');
    expect(run.statuses[0]).toEqual({ state: 'starting' });
    expect(run.statuses).toContainEqual({ state: 'running' });
    expect(run.statuses.at(-1)).toEqual({ state: 'stopped' });
  });

  it('reports failed with the reason on a 4xx, and running again when the API recovers', async () => {
    let status = 401;
    const api = await startApi((_url, res) =>
      status === 200 ? json(res, orders(1, 1)) : json(res, { error: 'bad token' }, {}, status),
    );
    const sink = new MemorySink();
    const run = runSource(config(`${api.base}/orders`, { every: '100ms' }), sink);
    await run.until(() => run.statuses.some((s) => s.state === 'failed'));
    expect(run.statuses.find((s) => s.state === 'failed')?.reason).toMatch(
      /answered 401 Unauthorized: \{"error":"bad token"\}/,
    );
    expect(sink.batches).toEqual([]);
    status = 200;
    await run.until(() => sink.rows.length === 1 && run.statuses.at(-1)?.state === 'running');
    await run.stop();
  });

  it('reports failed when a header secret is missing from the environment', async () => {
    const api = await startApi((_url, res) => json(res, orders(1, 1)));
    const sink = new MemorySink();
    const run = runSource(
      config(`${api.base}/orders`, { headers: { Authorization: { env: 'NO_SUCH_TOKEN_VAR' } } }),
      sink,
    );
    await run.until(() => run.statuses.some((s) => s.state === 'failed'));
    await run.stop();
    expect(run.statuses.find((s) => s.state === 'failed')?.reason).toBe(
      'input port orders: the environment variable NO_SUCH_TOKEN_VAR (header Authorization) is not set',
    );
    expect(api.requests).toHaveLength(0);
  });

  it('reports lagging when the page limit cuts a pull short', async () => {
    const api = await startApi((url, res) => {
      const offset = Number(url.searchParams.get('o'));
      json(res, offset < 4 ? orders(offset + 1, offset + 1) : []);
    });
    const sink = new MemorySink();
    const run = runSource(
      config(`${api.base}/orders`, {
        every: '1h',
        maxPages: 2,
        pagination: { type: 'offset', param: 'o', limit: 1 },
      }),
      sink,
    );
    await run.until(() => run.statuses.some((s) => s.state === 'lagging'));
    await run.stop();
    expect(run.statuses.find((s) => s.state === 'lagging')?.reason).toMatch(
      /stopped after 2 pages \(maxPages\)/,
    );
    expect(sink.ids()).toEqual(['o1', 'o2']);
  });

  it('stops promptly when aborted during a retry wait or a slow request', async () => {
    const api = await startApi((_url, res) => json(res, {}, {}, 503));
    const run = runSource(config(`${api.base}/orders`, { backoff: '10s', retries: 5 }), new MemorySink());
    await run.until(() => api.requests.length === 1);
    let started = Date.now();
    await run.stop();
    expect(Date.now() - started).toBeLessThan(500);

    const slow = await startApi(() => undefined);
    const second = runSource(config(`${slow.base}/orders`), new MemorySink());
    await second.until(() => slow.requests.length === 1);
    started = Date.now();
    await second.stop();
    expect(Date.now() - started).toBeLessThan(500);
    expect(second.statuses.at(-1)).toEqual({ state: 'stopped' });
    expect(second.statuses.some((s) => s.state === 'failed')).toBe(false);
  });

  it('resumes a walk cut short before a restart at once, also on a cron schedule', async () => {
    const api = await startApi((url, res) => {
      const cursor = url.searchParams.get('c');
      json(res, cursor === 'p2' ? { data: orders(3, 3) } : { data: orders(1, 2), next: 'p2' });
    });
    const sink = new MemorySink();
    await sink.write({ records: [], checkpoint: '{"next":{"cursor":"p2"}}' });
    const c = config(`${api.base}/orders`, {
      every: '0 0 1 1 *',
      records: 'data',
      pagination: { type: 'cursor', param: 'c', next: 'next' },
    });
    const run = runSource(c, sink);
    await run.until(() => sink.rows.length === 1);
    await run.stop();
    expect(api.requests.map((r) => r.url.search)).toEqual(['?c=p2']);
    expect(sink.ids()).toEqual(['o3']);
  });

  it('hands a sink failure to its supervisor', async () => {
    const api = await startApi((_url, res) => json(res, orders(1, 1)));
    const sink = new MemorySink();
    sink.failOnWrite = 1;
    const run = runSource(config(`${api.base}/orders`), sink);
    await expect(run.done).rejects.toThrow('disk full');
  });
});
