import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MeshplaneError } from '../../errors/index.js';
import type { HttpPushPorts } from '../../ports/http-push/index.js';
import type { MeshRuntime } from '../../runtime/index.js';
import { toErrorResponse } from '../error-body.js';
import { storageRefusalOf } from '../mesh-costs.js';
import { PORT_PARAMS, PRODUCT_ID_PARAMS } from '../schemas/registry-schemas.js';
import type { SourceSupervisor } from '../source-supervisor.js';

const COUNTS = {
  type: 'object',
  required: ['accepted', 'duplicates', 'quarantined'],
  properties: {
    accepted: { type: 'integer', description: 'Events stored now.' },
    duplicates: {
      type: 'integer',
      description: 'Events whose key the port had stored before: not stored again.',
    },
    quarantined: {
      type: 'integer',
      description: 'Events that break the input contract: in quarantine with the reason.',
    },
  },
} as const;

const PORT_STATUS = {
  type: 'object',
  required: ['state', 'since'],
  properties: {
    state: { type: 'string', enum: ['starting', 'running', 'lagging', 'paused', 'failed', 'stopped'] },
    reason: { type: 'string' },
    lag: { type: 'number' },
    lagUnit: { type: 'string' },
    since: { type: 'string' },
  },
} as const;

const PORT_VIEW = {
  type: 'object',
  required: ['port', 'kind', 'streamed', 'status'],
  properties: {
    port: { type: 'string' },
    kind: { type: 'string' },
    streamed: { type: 'boolean' },
    status: PORT_STATUS,
    counters: {
      type: 'object',
      properties: {
        accepted: { type: 'integer' },
        duplicates: { type: 'integer' },
        quarantined: { type: 'integer' },
        batches: { type: 'integer' },
        lastCommitAt: { type: 'string' },
      },
    },
    queued: {
      type: 'object',
      description: 'http-push: records and bytes waiting for or in their commit',
      properties: { records: { type: 'integer' }, bytes: { type: 'integer' } },
    },
  },
} as const;

const errors = {
  400: { $ref: 'ErrorBody#' },
  404: { $ref: 'ErrorBody#' },
  409: { $ref: 'ErrorBody#' },
} as const;

export interface StreamRoutesOptions {
  /** Largest accepted push body, in bytes. */
  readonly maxBodyBytes: number;
}

function productOf(runtime: MeshRuntime, id: string) {
  const product = runtime.products().find((p) => p.id === id);
  if (product === undefined) throw new MeshplaneError('NOT_FOUND', `no deployed product '${id}'`);
  return product;
}

/** HTTP push into an input port, the status of a product's input ports, pause and resume. */
export function streamRoutes(
  runtime: MeshRuntime,
  supervisor: SourceSupervisor,
  pushes: HttpPushPorts,
  options: StreamRoutesOptions,
) {
  return async (api: FastifyInstance): Promise<void> => {
    await api.register(async (scope) => {
      // The body is parsed here, with bounds and located errors, not by Fastify's JSON parser.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        ['application/json', 'application/x-ndjson'],
        { parseAs: 'string', bodyLimit: options.maxBodyBytes },
        (_request, body, done) => done(null, body),
      );
      scope.setErrorHandler((error, request, reply) => {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 413) {
          return reply.status(413).send({
            error: {
              code: 'INVALID_INPUT',
              message: `the request body is over the limit of ${options.maxBodyBytes} bytes`,
              details: { maxBytes: options.maxBodyBytes },
            },
          });
        }
        const response = toErrorResponse(error);
        if (response.status >= 500) request.log.error({ err: error }, 'request failed');
        return reply.status(response.status).send(response.body);
      });

      scope.post<{
        Params: { id: string; port: string };
        Body: string;
        Headers: Record<string, string | undefined>;
      }>(
        '/products/:id/ports/:port/events',
        {
          schema: {
            tags: ['input ports'],
            summary: 'Push events into an http-push input port',
            description:
              'NDJSON (`application/x-ndjson`, one JSON object per line) or a JSON array of objects (`application/json`). ' +
              'CloudEvents structured events are unwrapped to `data`, keyed by `id`. Other events are keyed by the ' +
              "port's `idField` (default: the input contract's primary key), else by the `Idempotency-Key` header and " +
              'the event position. The answer comes after the events are durably stored; an event stored before is a ' +
              'duplicate. 429 with `Retry-After` when the port is busy: nothing of the request was queued. 507 when the ' +
              "product's domain is at its storage quota (docs/cost.md): nothing of the request was stored.",
            params: PORT_PARAMS,
            headers: {
              type: 'object',
              properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200 } },
            },
            body: {
              content: {
                'application/x-ndjson': { schema: { type: 'string' } },
                'application/json': { schema: { type: 'array', items: { type: 'object' } } },
              },
            },
            response: {
              200: COUNTS,
              ...errors,
              413: { $ref: 'ErrorBody#' },
              429: { $ref: 'ErrorBody#' },
              503: { $ref: 'ErrorBody#' },
              507: { $ref: 'ErrorBody#' },
            },
          },
          // The body is a string here; its JSON shape is checked by the parser above.
          validatorCompiler: ({ httpPart }) => (httpPart === 'body' ? () => true : undefined) as never,
        },
        async (request, reply) => {
          const product = productOf(runtime, request.params.id);
          if (supervisor.isPaused(product.id, request.params.port)) {
            throw new MeshplaneError(
              'UNAVAILABLE',
              `input port ${product.id}/${request.params.port} is paused`,
            );
          }
          const overQuota = await storageRefusalOf(runtime, product.domain);
          if (overQuota !== undefined) return reply.status(507).send(toErrorResponse(overQuota).body);
          const type = String(request.headers['content-type'] ?? '');
          const idempotencyKey = request.headers['idempotency-key'];
          const outcome = await pushes.push(product, request.params.port, {
            body: typeof request.body === 'string' ? request.body : '',
            format: type.startsWith('application/x-ndjson') ? 'ndjson' : 'json',
            requestId:
              request.id === undefined ? randomUUID() : `${String(request.id)}-${randomUUID().slice(0, 8)}`,
            ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
          });
          if (outcome.status === 'busy') {
            return reply
              .status(429)
              .header('retry-after', String(outcome.retryAfterSeconds))
              .send({
                error: {
                  code: 'UNAVAILABLE',
                  message: `input port ${product.id}/${request.params.port} is busy; retry after ${outcome.retryAfterSeconds} s`,
                  details: { retryAfterSeconds: outcome.retryAfterSeconds },
                },
              });
          }
          return {
            accepted: outcome.accepted,
            duplicates: outcome.duplicates,
            quarantined: outcome.quarantined,
          };
        },
      );
    });

    api.get<{ Params: { id: string } }>(
      '/products/:id/ports',
      {
        schema: {
          tags: ['input ports'],
          summary: "The product's input ports: state, reason, lag and what each streamed port stored",
          params: PRODUCT_ID_PARAMS,
          response: {
            200: {
              type: 'object',
              required: ['ports'],
              properties: { ports: { type: 'array', items: PORT_VIEW } },
            },
            404: { $ref: 'ErrorBody#' },
          },
        },
      },
      async (request) => ({
        ports: supervisor.ports(request.params.id).map((view) => {
          const queued = view.kind === 'http-push' ? pushes.queued(request.params.id, view.port) : undefined;
          return queued === undefined ? view : { ...view, queued };
        }),
      }),
    );

    for (const action of ['pause', 'resume'] as const) {
      api.post<{ Params: { id: string; port: string } }>(
        `/products/:id/ports/:port/${action}`,
        {
          schema: {
            tags: ['input ports'],
            summary:
              action === 'pause'
                ? 'Pause a streamed input port: its source stops, pushes are refused (503)'
                : 'Resume a paused streamed input port',
            params: PORT_PARAMS,
            response: { 200: PORT_VIEW, ...errors },
          },
        },
        async (request) =>
          action === 'pause'
            ? supervisor.pause(request.params.id, request.params.port)
            : supervisor.resume(request.params.id, request.params.port),
      );
    }
  };
}
