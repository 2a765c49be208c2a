import type { FastifyInstance } from 'fastify';
import { COST_VIEWS, type CostView, MAX_REPORT_DAYS } from '../../observability/cost/index.js';
import type { MeshRuntime } from '../../runtime/index.js';
import type { ControlStore } from '../../store/index.js';
import { costBookOf } from '../mesh-costs.js';

const errors = { 400: { $ref: 'ErrorBody#' } } as const;

/**
 * `GET /api/v1/cost?by=domain|product|consumer&days=N`: storage bytes per product and domain,
 * query time and bytes scanned per consumer and domain, pipeline compute per product, and each
 * domain's quotas with the query time it used today (UTC). See docs/cost.md.
 */
export function costRoutes(runtime: MeshRuntime, store: ControlStore) {
  const book = costBookOf(runtime, store);
  return async (api: FastifyInstance): Promise<void> => {
    api.get<{ Querystring: { by: CostView; days: number } }>(
      '/cost',
      {
        schema: {
          tags: ['observability'],
          summary: 'Storage, query cost and pipeline compute by domain, product or consumer, with quotas',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              by: { type: 'string', enum: [...COST_VIEWS], default: 'domain' },
              days: {
                type: 'integer',
                minimum: 1,
                maximum: MAX_REPORT_DAYS,
                default: 1,
                description: 'UTC days counted, today included (1 = today).',
              },
            },
          },
          response: {
            200: {
              type: 'object',
              required: ['by', 'from', 'to', 'generatedAt', 'rows'],
              additionalProperties: true,
              properties: {
                by: { type: 'string' },
                from: { type: 'string' },
                to: { type: 'string' },
                generatedAt: { type: 'string' },
                rows: { type: 'array', items: { type: 'object', additionalProperties: true } },
              },
            },
            ...errors,
          },
        },
      },
      async (request) => book.report(request.query.by, request.query.days),
    );
  };
}
