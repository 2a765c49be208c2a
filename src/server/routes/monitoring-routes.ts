import type { FastifyInstance } from 'fastify';
import { MeshplaneError } from '../../errors/index.js';
import { INCIDENT_STATES, type IncidentRecordState } from '../../store/index.js';
import type { MonitorLoop } from '../monitor-loop.js';
import { actorOf } from '../request-actor.js';

const errors = {
  400: { $ref: 'ErrorBody#' },
  404: { $ref: 'ErrorBody#' },
  409: { $ref: 'ErrorBody#' },
} as const;
const str = { type: 'string' } as const;
const num = { type: 'number' } as const;

const FIGURE = { type: 'object', properties: { value: num, unit: str } } as const;

const ADHERENCE = {
  type: 'object',
  properties: {
    from: str,
    to: str,
    metSeconds: num,
    breachedSeconds: num,
    unknownSeconds: num,
    adherence: { ...num, description: 'met / (met + breached), 0..1; absent when no time was known' },
    coverage: { ...num, description: '(met + breached) / window, 0..1' },
    skipped: num,
  },
} as const;

const ADHERENCE_WINDOWS = {
  type: 'object',
  description: 'Adherence over the last day, week and 30 days',
  properties: { day: ADHERENCE, week: ADHERENCE, days30: ADHERENCE },
} as const;

const SLA_STATE = { type: 'string', enum: ['met', 'breached', 'unknown'] } as const;

const SLA_REPORT = {
  type: 'object',
  required: ['productId', 'at', 'state', 'adherence', 'ports'],
  properties: {
    productId: str,
    at: str,
    state: SLA_STATE,
    adherence: ADHERENCE_WINDOWS,
    ports: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          port: str,
          portName: str,
          version: str,
          state: SLA_STATE,
          objectives: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: str,
                kind: str,
                property: str,
                element: str,
                description: str,
                state: SLA_STATE,
                message: str,
                measured: FIGURE,
                limit: FIGURE,
                due: str,
                since: str,
                adherence: ADHERENCE_WINDOWS,
              },
            },
          },
          notEvaluated: {
            type: 'array',
            items: { type: 'object', properties: { property: str, reason: str } },
          },
          lifecycle: {
            type: 'array',
            items: { type: 'object', properties: { kind: str, value: str, at: str } },
          },
        },
      },
    },
  },
} as const;

const DETAILS = {
  type: 'object',
  properties: { message: str, facts: { type: 'object', additionalProperties: true } },
} as const;

const INCIDENT = {
  type: 'object',
  required: ['id', 'key', 'state', 'details', 'openedAt', 'lastFailingAt', 'occurrences', 'history'],
  properties: {
    id: str,
    key: { type: 'object', properties: { product: str, monitor: str, subject: str } },
    port: str,
    state: { type: 'string', enum: [...INCIDENT_STATES] },
    details: DETAILS,
    openedAt: str,
    lastFailingAt: str,
    occurrences: num,
    acknowledgedBy: str,
    acknowledgedAt: str,
    resolvedBy: str,
    resolvedAt: str,
    resolution: DETAILS,
    history: {
      type: 'array',
      items: { type: 'object', properties: { action: str, actor: str, at: str } },
    },
  },
} as const;

const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/**
 * Monitoring: a product's SLAs (objectives, state now, adherence), the incident list, and
 * acknowledging or resolving an incident as the caller (`Meshplane-Actor`).
 */
export function monitoringRoutes(monitor: MonitorLoop) {
  return async (api: FastifyInstance): Promise<void> => {
    api.get<{ Params: { id: string } }>(
      '/products/:id/sla',
      {
        schema: {
          tags: ['monitoring'],
          summary:
            "A product's SLA objectives, their state now, and adherence over a day, a week and 30 days",
          params: ID_PARAMS,
          response: { 200: SLA_REPORT, ...errors },
        },
      },
      async (request) => monitor.slaReport(request.params.id),
    );

    api.get<{ Querystring: { state?: IncidentRecordState; product?: string; limit: number } }>(
      '/incidents',
      {
        schema: {
          tags: ['monitoring'],
          summary: 'Incidents, newest opened first',
          querystring: {
            type: 'object',
            properties: {
              state: { type: 'string', enum: [...INCIDENT_STATES] },
              product: { type: 'string', minLength: 1, maxLength: 200 },
              limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            },
          },
          response: {
            200: {
              type: 'object',
              required: ['incidents'],
              properties: { incidents: { type: 'array', items: INCIDENT } },
            },
            ...errors,
          },
        },
      },
      async (request) => {
        const { state, product, limit } = request.query;
        return {
          incidents: await monitor.incidents.list({
            limit,
            ...(state === undefined ? {} : { state }),
            ...(product === undefined ? {} : { productId: product }),
          }),
        };
      },
    );

    api.get<{ Params: { id: string } }>(
      '/incidents/:id',
      {
        schema: {
          tags: ['monitoring'],
          summary: 'An incident with who acted on it and when',
          params: ID_PARAMS,
          response: { 200: INCIDENT, ...errors },
        },
      },
      async (request) => {
        const incident = await monitor.incidents.get(request.params.id);
        if (incident === undefined) throw new MeshplaneError('NOT_FOUND', `no incident ${request.params.id}`);
        return incident;
      },
    );

    api.post<{ Params: { id: string } }>(
      '/incidents/:id/acknowledge',
      {
        schema: {
          tags: ['monitoring'],
          summary: 'Acknowledges an open incident as the caller; sends no alert; again changes nothing',
          params: ID_PARAMS,
          response: { 200: INCIDENT, ...errors },
        },
      },
      async (request) => monitor.incidents.acknowledge(request.params.id, actorOf(request.headers)),
    );

    api.post<{ Params: { id: string } }>(
      '/incidents/:id/resolve',
      {
        schema: {
          tags: ['monitoring'],
          summary: 'Resolves an incident as the caller and sends the resolved alert',
          params: ID_PARAMS,
          response: { 200: INCIDENT, ...errors },
        },
      },
      async (request) => monitor.incidents.resolve(request.params.id, actorOf(request.headers)),
    );
  };
}
