import { afterEach, describe, expect, it } from 'vitest';
import { MeshplaneError } from '../errors/index.js';
import { buildApp } from './build-app.js';
import { Lifecycle } from './lifecycle.js';

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function app(lifecycle = new Lifecycle()) {
  const built = await buildApp({
    lifecycle,
    bodyLimit: 1024,
    api: [
      async (api) => {
        api.post(
          '/echo',
          {
            schema: {
              body: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string', maxLength: 10 } },
              },
              response: { 200: { type: 'object', properties: { name: { type: 'string' } } } },
            },
          },
          async (request) => request.body,
        );
        api.get('/missing', async () => {
          throw new MeshplaneError('NOT_FOUND', 'product orders.nothing does not exist');
        });
        api.get('/boom', async () => {
          throw new Error('secret internal detail');
        });
      },
    ],
  });
  apps.push(built);
  return built;
}

describe('the HTTP application', () => {
  it('reports liveness always and readiness only when ready and not stopping', async () => {
    const lifecycle = new Lifecycle();
    const server = await app(lifecycle);
    expect((await server.inject('/healthz')).statusCode).toBe(200);
    expect((await server.inject('/readyz')).statusCode).toBe(503);
    lifecycle.markReady();
    expect((await server.inject('/readyz')).json()).toEqual({ status: 'ready' });
    lifecycle.markStopping();
    const stopping = await server.inject('/readyz');
    expect(stopping.statusCode).toBe(503);
    expect(stopping.json()).toEqual({ status: 'stopping' });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await (await app()).inject('/api/v1/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, { post?: { requestBody?: unknown } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/echo']?.post?.requestBody).toBeDefined();
  });

  it('rejects invalid and oversize bodies with the one error shape', async () => {
    const server = await app();
    const invalid = await server.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { name: 'x'.repeat(11) },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(invalid.json().error.message).toContain('name');
    const big = await server.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { name: 'x'.repeat(5000) },
    });
    expect(big.statusCode).toBe(400);
    expect(big.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('maps MeshplaneError codes to statuses and hides internal details', async () => {
    const server = await app();
    const missing = await server.inject('/api/v1/missing');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'product orders.nothing does not exist' },
    });
    const boom = await server.inject('/api/v1/boom');
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('secret');
    const unknown = await server.inject('/api/v1/nowhere');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
