import type { FastifyInstance } from 'fastify';
import type { QualityService } from '../../quality/runs/index.js';
import { PRODUCT_ID_PARAMS } from '../schemas/registry-schemas.js';

const errors = { 400: { $ref: 'ErrorBody#' }, 404: { $ref: 'ErrorBody#' } } as const;
const str = { type: 'string' } as const;
const count = { type: 'integer', minimum: 0 } as const;

/** One rule's verdict (`CheckResult` in src/quality/checks/check-result.ts). */
const CHECK_RESULT = {
  type: 'object',
  required: ['rule', 'type', 'object', 'status', 'severity', 'message'],
  properties: {
    rule: str,
    type: { type: 'string', enum: ['library', 'sql', 'custom', 'text'] },
    path: { type: 'array', items: { type: ['string', 'integer'] } },
    object: str,
    property: str,
    metric: str,
    unit: str,
    measured: { type: 'number' },
    operator: str,
    threshold: {
      anyOf: [{ type: 'number' }, { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }],
    },
    status: { type: 'string', enum: ['passed', 'failed', 'not_run', 'error'] },
    severity: str,
    dimension: str,
    message: str,
  },
} as const;

/** Rows that broke a failed rule: protected columns read `***`; `truncated` when cut to fit. */
const FAILING_SAMPLE = {
  type: 'object',
  required: ['rule', 'rows', 'masked'],
  properties: {
    rule: str,
    rows: { type: 'array', items: { type: 'object', additionalProperties: true } },
    masked: { type: 'array', items: str },
    error: str,
    truncated: { type: 'boolean' },
  },
} as const;

/** One check run of one output port version (`PortQualityReport`). */
const PORT_QUALITY_REPORT = {
  type: 'object',
  required: [
    'id',
    'productId',
    'port',
    'major',
    'version',
    'key',
    'trigger',
    'state',
    'startedAt',
    'finishedAt',
    'counts',
    'results',
    'samples',
  ],
  properties: {
    id: str,
    productId: str,
    port: str,
    major: count,
    version: str,
    key: str,
    runId: str,
    trigger: { type: 'string', enum: ['run', 'manual', 'test'] },
    state: { type: 'string', enum: ['passed', 'warning', 'failed', 'not_run', 'error'] },
    startedAt: str,
    finishedAt: str,
    counts: {
      type: 'object',
      required: ['passed', 'failed', 'notRun', 'error'],
      properties: { passed: count, failed: count, notRun: count, error: count },
    },
    results: { type: 'array', items: CHECK_RESULT },
    samples: { type: 'array', items: FAILING_SAMPLE },
    error: str,
  },
} as const;

const REPORTS = {
  type: 'object',
  required: ['productId', 'reports'],
  properties: { productId: str, reports: { type: 'array', items: PORT_QUALITY_REPORT } },
} as const;

const PORT_SELECTOR = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  description: 'an output port name (every served major) or a version key such as orders@v2',
} as const;

/**
 * Quality of a product's output ports: the latest check run of each port version, the history,
 * and a check run now. Reports carry every rule's verdict, measured value and threshold, and
 * masked, bounded samples of failing rows.
 */
export function qualityRoutes(quality: QualityService) {
  return async (api: FastifyInstance): Promise<void> => {
    api.get<{ Params: { id: string } }>(
      '/products/:id/quality',
      {
        schema: {
          tags: ['quality'],
          summary: 'The latest quality check run of each output port version, with failing-row samples',
          params: PRODUCT_ID_PARAMS,
          response: { 200: REPORTS, ...errors },
        },
      },
      async (request) => ({
        productId: request.params.id,
        reports: await quality.latest(request.params.id),
      }),
    );

    api.get<{ Params: { id: string }; Querystring: { port?: string; limit: number } }>(
      '/products/:id/quality/history',
      {
        schema: {
          tags: ['quality'],
          summary: "A product's quality check runs, newest first",
          params: PRODUCT_ID_PARAMS,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              port: PORT_SELECTOR,
              limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
            },
          },
          response: { 200: REPORTS, ...errors },
        },
      },
      async (request) => ({
        productId: request.params.id,
        reports: await quality.history(request.params.id, {
          limit: request.query.limit,
          ...(request.query.port === undefined ? {} : { port: request.query.port }),
        }),
      }),
    );

    api.post<{ Params: { id: string }; Body: { port?: string } | undefined }>(
      '/products/:id/quality/check',
      {
        schema: {
          tags: ['quality'],
          summary: "Run the product's quality rules now (all output ports, or one) and answer the reports",
          params: PRODUCT_ID_PARAMS,
          body: {
            type: 'object',
            additionalProperties: false,
            properties: { port: PORT_SELECTOR },
          },
          response: {
            200: {
              type: 'object',
              required: ['productId', 'reports', 'withoutRules'],
              properties: {
                productId: str,
                reports: { type: 'array', items: PORT_QUALITY_REPORT },
                withoutRules: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { port: str, major: count, version: str, key: str },
                  },
                },
              },
            },
            ...errors,
          },
        },
      },
      async (request) =>
        quality.checkProduct(request.params.id, {
          trigger: 'manual',
          ...(request.body?.port === undefined ? {} : { port: request.body.port }),
        }),
    );
  };
}
