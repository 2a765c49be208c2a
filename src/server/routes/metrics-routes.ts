import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../observability/index.js';

/**
 * `GET /metrics`: the server's registry in the Prometheus text format, with the content type the
 * registry names. At the root like the health checks, outside the versioned API and its OpenAPI
 * document: it is for scrapers, and its shape is Prometheus', not ours.
 */
export function metricsRoutes(metrics: Metrics) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      const { contentType, body } = await metrics.scrape();
      return reply.type(contentType).send(body);
    });
  };
}
