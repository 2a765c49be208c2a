import type { FastifyInstance } from 'fastify';
import { DEPLOY_BUNDLE_SCHEMA, type DeployBundle } from '../../registry/deploy-bundle.js';
import type { DeployEvent, DeployService } from '../../registry/deploy-service.js';
import { actorOf } from '../request-actor.js';

const FAILED_STATUS: Readonly<Record<string, number>> = { CONFLICT: 409, FORBIDDEN: 403 };

/**
 * `POST /api/v1/deploys`: deploys a product bundle. With `Accept: application/x-ndjson` the
 * response streams one JSON line per completed step, then the outcome; otherwise it answers once
 * with the outcome (201 when deployed, 200 when unchanged, 409 when the registry refused an
 * incompatible change or the retirement of a version with active consumers, 403 when a governance
 * change came from outside the domain's owner team, 422 when another step failed).
 *
 * `Meshplane-Actor` names who deploys (audited; checked against the owner team for governance
 * changes); `?force=true` retires versions that still have consumers.
 */
export function deployRoutes(deploys: DeployService) {
  return async (api: FastifyInstance): Promise<void> => {
    api.post<{ Body: DeployBundle; Querystring: { force?: boolean } }>(
      '/deploys',
      {
        schema: {
          tags: ['registry'],
          summary: 'Deploy a data product (validate, provision, start, build, register)',
          body: DEPLOY_BUNDLE_SCHEMA,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { force: { type: 'boolean', default: false } },
          },
        },
      },
      async (request, reply) => {
        const options = { actor: actorOf(request.headers), force: request.query.force === true };
        if ((request.headers.accept ?? '').includes('application/x-ndjson')) {
          reply.raw.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
          const write = (event: DeployEvent) => reply.raw.write(`${JSON.stringify(event)}\n`);
          try {
            await deploys.deploy(request.body, write, options);
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
        const outcome = await deploys.deploy(request.body, undefined, options);
        const status =
          outcome.type === 'failed'
            ? (FAILED_STATUS[outcome.code ?? ''] ?? 422)
            : outcome.type === 'done' && outcome.unchanged
              ? 200
              : 201;
        return reply.status(status).send(outcome);
      },
    );
  };
}
