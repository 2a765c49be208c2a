import type { FastifyInstance } from 'fastify';
import { DEPLOY_BUNDLE_SCHEMA, type DeployBundle } from '../../registry/deploy-bundle.js';
import type { DeployEvent, DeployService } from '../../registry/deploy-service.js';

/**
 * `POST /api/v1/deploys`: deploys a product bundle. With `Accept: application/x-ndjson` the
 * response streams one JSON line per completed step, then the outcome; otherwise it answers once
 * with the outcome (201 when deployed, 200 when unchanged, 422 when a step failed).
 */
export function deployRoutes(deploys: DeployService) {
  return async (api: FastifyInstance): Promise<void> => {
    api.post<{ Body: DeployBundle }>(
      '/deploys',
      {
        schema: {
          tags: ['registry'],
          summary: 'Deploy a data product (validate, provision, start, build, register)',
          body: DEPLOY_BUNDLE_SCHEMA,
        },
      },
      async (request, reply) => {
        if ((request.headers.accept ?? '').includes('application/x-ndjson')) {
          reply.raw.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
          const write = (event: DeployEvent) => reply.raw.write(`${JSON.stringify(event)}\n`);
          try {
            await deploys.deploy(request.body, write);
          } catch (error) {
            write({
              type: 'failed',
              step: 'deploy',
              message: error instanceof Error ? error.message : String(error),
            });
          }
          reply.raw.end();
          return reply;
        }
        const outcome = await deploys.deploy(request.body);
        const status =
          outcome.type === 'failed' ? 422 : outcome.type === 'done' && outcome.unchanged ? 200 : 201;
        return reply.status(status).send(outcome);
      },
    );
  };
}
