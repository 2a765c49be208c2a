import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { VERSION } from '../cli/version.js';
import { createMetrics, type Metrics, REQUEST_ID_HEADER, requestIdOf } from '../observability/index.js';
import { ERROR_BODY_SCHEMA, toErrorResponse } from './error-body.js';
import type { Lifecycle } from './lifecycle.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics-routes.js';

export interface AppOptions {
  readonly lifecycle: Lifecycle;
  /** Largest accepted request body, in bytes. */
  readonly bodyLimit?: number;
  /** Fastify's logger option: false in tests, pino options in `meshplane serve`. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Route plugins registered under /api/v1, given by the composition root. */
  readonly api?: readonly ((app: FastifyInstance) => Promise<void>)[];
  /** The server's metrics, served at /metrics; an app given none makes its own. */
  readonly metrics?: Metrics;
}

/**
 * The HTTP application: health and metrics at the root, the API under /api/v1 with its OpenAPI 3.1
 * document generated from the same JSON Schemas that validate requests, and one error shape.
 * Every request has an id (the caller's safe `X-Request-Id`, else a new UUID), echoed in the
 * response's `X-Request-Id` and carried as `requestId` by every log line of the request.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const metrics = options.metrics ?? createMetrics();
  const app = Fastify({
    logger: options.logger ?? false,
    // Fastify would take the header unchecked; requestIdOf keeps it only when it is a safe token.
    requestIdHeader: false,
    genReqId: (request) => requestIdOf(request.headers[REQUEST_ID_HEADER]),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
    // Bounded headers and no slow-client hold-ups on the embedded default.
    routerOptions: { maxParamLength: 500 },
    connectionTimeout: 60_000,
    requestTimeout: 120_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  app.addSchema(ERROR_BODY_SCHEMA);
  // Root hooks, added before any plugin, so every route and the 404 handler inherit them.
  app.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the URL: one series per route whatever ids the paths carry.
    metrics.http.observed(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime);
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Meshplane API',
        version: VERSION,
        description: 'The control plane and query API of a Meshplane data mesh.',
      },
      servers: [{ url: '/' }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` } });
  });
  await app.register(healthRoutes(options.lifecycle));
  await app.register(metricsRoutes(metrics));
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const routes of options.api ?? []) await routes(api);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
