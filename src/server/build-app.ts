import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { VERSION } from '../cli/version.js';
import { ERROR_BODY_SCHEMA, toErrorResponse } from './error-body.js';
import type { Lifecycle } from './lifecycle.js';
import { healthRoutes } from './routes/health.js';

export interface AppOptions {
  readonly lifecycle: Lifecycle;
  /** Largest accepted request body, in bytes. */
  readonly bodyLimit?: number;
  /** Fastify's logger option: false in tests, pino options in `meshplane serve`. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Route plugins registered under /api/v1, given by the composition root. */
  readonly api?: readonly ((app: FastifyInstance) => Promise<void>)[];
}

/**
 * The HTTP application: health at the root, the API under /api/v1 with its OpenAPI 3.1 document
 * generated from the same JSON Schemas that validate requests, and one error shape.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
    // Bounded headers and no slow-client hold-ups on the embedded default.
    routerOptions: { maxParamLength: 500 },
    connectionTimeout: 60_000,
    requestTimeout: 120_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  app.addSchema(ERROR_BODY_SCHEMA);
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
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const routes of options.api ?? []) await routes(api);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
