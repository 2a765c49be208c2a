import { afterEach, describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../src/errors/index.js';
import { createMetrics, type Metrics } from '../../src/observability/index.js';
import { buildApp } from '../../src/server/build-app.js';
import { Lifecycle } from '../../src/server/lifecycle.js';
import { samplesOf, sampleValue } from './exposition.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** Log lines as pino writes them, parsed. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

async function app(options: { metrics?: Metrics; logs?: ReturnType<typeof logSink> } = {}) {
  const built = await buildApp({
    lifecycle: new Lifecycle(),
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
    ...(options.logs === undefined ? {} : { logger: { level: 'info', stream: options.logs.stream } }),
    api: [
      async (api) => {
        api.get<{ Params: { id: string } }>('/products/:id', async (request) => {
          if (request.params.id === 'missing') throw new MeshplaneError('NOT_FOUND', 'no such product');
          request.log.info({ product: request.params.id }, 'looking up a product');
          return { id: request.params.id };
        });
        api.get('/boom', async () => {
          throw new Error('internal detail');
        });
      },
    ],
  });
  apps.push(built);
  return built;
}

async function scrape(server: Awaited<ReturnType<typeof app>>): Promise<string> {
  const response = await server.inject('/metrics');
  expect(response.statusCode).toBe(200);
  return response.body;
}

describe('GET /metrics', () => {
  it('serves the registry in the Prometheus text format with its content type', async () => {
    const response = await (await app()).inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8/);
    expect(response.body).toContain('# TYPE meshplane_http_requests_total counter');
    expect(response.body).toContain('process_resident_memory_bytes');
  });

  it('counts requests under the route pattern, never the URL, with method and status code', async () => {
    const server = await app();
    for (const id of ['sales.orders', 'crm.customers', 'x'.repeat(40)])
      expect((await server.inject(`/api/v1/products/${id}`)).statusCode).toBe(200);
    expect((await server.inject('/api/v1/products/missing')).statusCode).toBe(404);
    expect((await server.inject('/api/v1/boom')).statusCode).toBe(500);
    expect((await server.inject('/no/such/path/123')).statusCode).toBe(404);
    expect((await server.inject('/healthz')).statusCode).toBe(200);

    const body = await scrape(server);
    const route = '/api/v1/products/:id';
    expect(
      sampleValue(body, 'meshplane_http_requests_total', { method: 'GET', route, status_code: '200' }),
    ).toBe(3);
    expect(sampleValue(body, 'meshplane_http_requests_total', { route, status_code: '404' })).toBe(1);
    expect(
      sampleValue(body, 'meshplane_http_requests_total', { route: '/api/v1/boom', status_code: '500' }),
    ).toBe(1);
    expect(
      sampleValue(body, 'meshplane_http_requests_total', { route: 'unmatched', status_code: '404' }),
    ).toBe(1);
    expect(sampleValue(body, 'meshplane_http_requests_total', { route: '/healthz' })).toBe(1);
    expect(
      sampleValue(body, 'meshplane_http_request_duration_seconds_count', { route, status_code: '200' }),
    ).toBe(3);
    // No raw path reaches a label.
    const routes = new Set(samplesOf(body, 'meshplane_http_requests_total').map((s) => s.labels.route));
    expect([...routes].sort()).toEqual(['/api/v1/boom', '/api/v1/products/:id', '/healthz', 'unmatched']);
    expect(body).not.toContain('sales.orders');
    expect(body).not.toContain('/no/such/path');
  });

  it('serves the metrics the composition root passed, and keeps apps in one process apart', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const first = await app({ metrics });
    const second = await app();
    metrics.ingestion.committed('sales.orders', 'events', { accepted: 5, duplicates: 0, quarantined: 1 }, 3);
    await first.inject('/healthz');
    const firstBody = await scrape(first);
    expect(
      sampleValue(firstBody, 'meshplane_ingest_events_total', { port: 'events', result: 'accepted' }),
    ).toBe(5);
    expect(sampleValue(firstBody, 'meshplane_http_requests_total', { route: '/healthz' })).toBe(1);
    const secondBody = await scrape(second);
    expect(samplesOf(secondBody, 'meshplane_ingest_events_total')).toEqual([]);
    expect(sampleValue(secondBody, 'meshplane_http_requests_total', { route: '/healthz' })).toBeUndefined();
  });
});

describe('request ids', () => {
  it('echoes a safe X-Request-Id, on success, errors and unmatched routes alike', async () => {
    const server = await app();
    for (const url of ['/api/v1/products/a', '/api/v1/products/missing', '/api/v1/boom', '/nowhere']) {
      const response = await server.inject({ url, headers: { 'x-request-id': 'edge-7f3a.42' } });
      expect(response.headers['x-request-id']).toBe('edge-7f3a.42');
    }
  });

  it('generates a UUID when there is none, a new one per request', async () => {
    const server = await app();
    const a = (await server.inject('/healthz')).headers['x-request-id'];
    const b = (await server.inject('/healthz')).headers['x-request-id'];
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it('replaces an unsafe one', async () => {
    const server = await app();
    for (const unsafe of ['has space', 'x'.repeat(300), '"quoted"', '{"json":1}']) {
      const response = await server.inject({ url: '/healthz', headers: { 'x-request-id': unsafe } });
      expect(response.headers['x-request-id']).toMatch(UUID);
    }
  });

  it('is carried by every log line of the request', async () => {
    const logs = logSink();
    const server = await app({ logs });
    await server.inject({ url: '/api/v1/products/sales.orders', headers: { 'x-request-id': 'trace-one' } });
    const boom = await server.inject('/api/v1/boom');
    const generated = boom.headers['x-request-id'];

    const first = logs.lines.filter((l) => l.requestId === 'trace-one');
    expect(first.map((l) => l.msg)).toEqual([
      'incoming request',
      'looking up a product',
      'request completed',
    ]);
    expect(first[1]).toMatchObject({ product: 'sales.orders' });
    const second = logs.lines.filter((l) => l.requestId === generated);
    expect(second.map((l) => l.msg)).toContain('request failed');
    expect(second.find((l) => l.msg === 'request failed')).toMatchObject({ level: 50 });
    // Every line written while serving a request names its request.
    const requestLines = logs.lines.filter((l) => 'req' in l || 'res' in l || 'err' in l || 'product' in l);
    expect(requestLines.length).toBeGreaterThan(0);
    expect(requestLines.every((l) => l.requestId === 'trace-one' || l.requestId === generated)).toBe(true);
  });
});
