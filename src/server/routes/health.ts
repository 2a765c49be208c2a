import type { FastifyInstance } from 'fastify';
import type { Lifecycle } from '../lifecycle.js';

const STATUS = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string' } },
} as const;

/** `/healthz`: the process is alive. `/readyz`: it takes work (false while starting and from SIGTERM on). */
export function healthRoutes(lifecycle: Lifecycle) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/healthz', { schema: { response: { 200: STATUS } } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { response: { 200: STATUS, 503: STATUS } } }, async (_request, reply) => {
      if (lifecycle.ready) return { status: 'ready' };
      return reply.status(503).send({ status: lifecycle.state });
    });
  };
}
