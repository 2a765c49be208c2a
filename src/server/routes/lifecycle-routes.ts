import type { FastifyInstance } from 'fastify';
import { MeshplaneError } from '../../errors/index.js';
import { portChangelog } from '../../registry/changelog.js';
import { portConsumers } from '../../registry/port-consumers.js';
import { subjectVersions } from '../../registry/subject-history.js';
import type { MeshRuntime } from '../../runtime/index.js';
import type { RegistrySettings } from '../../spec/model/mesh.js';
import type { ControlStore, WebhookStatus } from '../../store/index.js';
import { LIMIT_QUERY, PORT_PARAMS } from '../schemas/registry-schemas.js';

const errors = { 400: { $ref: 'ErrorBody#' }, 404: { $ref: 'ErrorBody#' } } as const;
const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;

/**
 * The contract lifecycle API: a port's contract history and changelog, who still reads each of
 * its versions (the migration report), in-app notifications, the audit log and the webhook outbox.
 */
export function lifecycleRoutes(
  store: ControlStore,
  runtime: MeshRuntime,
  registry: () => Promise<RegistrySettings>,
) {
  return async (api: FastifyInstance): Promise<void> => {
    api.get<{ Params: { id: string; port: string }; Querystring: { documents?: boolean } }>(
      '/products/:id/ports/:port/versions',
      {
        schema: {
          tags: ['registry'],
          summary: "An output port's registered contract versions, oldest first, each with its changes",
          params: PORT_PARAMS,
          querystring: { type: 'object', properties: { documents: { type: 'boolean', default: false } } },
          response: { 200: OPEN_OBJECT, ...errors },
        },
      },
      async (request) => {
        const { id, port } = request.params;
        const changelog = await portChangelog(store, id, port);
        if (changelog.versions.length === 0)
          throw new MeshplaneError('NOT_FOUND', `no registered versions of ${id}/${port}`);
        if (request.query.documents !== true) return changelog;
        const documents = new Map(
          (await subjectVersions(store, id, port)).map((e) => [e.contractVersion, e.document]),
        );
        return {
          ...changelog,
          versions: changelog.versions.map((v) => ({ ...v, document: documents.get(v.version) })),
        };
      },
    );

    api.get<{ Params: { id: string; port: string } }>(
      '/products/:id/ports/:port/consumers',
      {
        schema: {
          tags: ['registry'],
          summary: 'The migration report: each served version of a port and who still reads it',
          params: PORT_PARAMS,
          response: { 200: OPEN_OBJECT, ...errors },
        },
      },
      async (request) => {
        const { id, port } = request.params;
        const product = runtime.products().find((p) => p.id === id);
        const versions = product?.outputs.filter((o) => o.portName === port) ?? [];
        if (versions.length === 0)
          throw new MeshplaneError('NOT_FOUND', `${id} serves no output port '${port}'`);
        const days = (await registry()).activeConsumerDays;
        const report = [];
        for (const v of [...versions].sort((a, b) => a.major - b.major)) {
          report.push({
            version: v.version,
            major: v.major,
            ...v.lifecycle,
            servedAs: v.viewOf === undefined ? 'table' : `view over ${v.viewOf.source}`,
            consumers: await portConsumers(store, { productId: id, port, key: v.name, major: v.major }, days),
          });
        }
        return { subject: `${id}/${port}`, activeConsumerDays: days, versions: report };
      },
    );

    api.get<{ Querystring: { recipient?: string; productId?: string; unread?: boolean; limit: number } }>(
      '/notifications',
      {
        schema: {
          tags: ['lifecycle'],
          summary: 'In-app notifications, newest first',
          querystring: {
            type: 'object',
            properties: {
              ...LIMIT_QUERY.properties,
              recipient: { type: 'string', maxLength: 200 },
              productId: { type: 'string', maxLength: 200 },
              unread: { type: 'boolean', default: false },
            },
          },
          response: { 200: OPEN_OBJECT, ...errors },
        },
      },
      async (request) => {
        const { recipient, productId, unread, limit } = request.query;
        return {
          notifications: await store.listNotifications({
            limit,
            unreadOnly: unread === true,
            ...(recipient === undefined ? {} : { recipient }),
            ...(productId === undefined ? {} : { productId }),
          }),
        };
      },
    );

    api.post<{ Params: { id: string } }>(
      '/notifications/:id/read',
      {
        schema: {
          tags: ['lifecycle'],
          summary: 'Marks a notification read',
          params: {
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'string', maxLength: 200 } },
          },
          response: { 404: { $ref: 'ErrorBody#' } },
        },
      },
      async (request, reply) => {
        await store.markNotificationRead(request.params.id);
        return reply.status(204).send();
      },
    );

    api.get<{ Querystring: { subject?: string; limit: number } }>(
      '/audit',
      {
        schema: {
          tags: ['lifecycle'],
          summary: 'The audit log, newest first',
          querystring: {
            type: 'object',
            properties: { ...LIMIT_QUERY.properties, subject: { type: 'string', maxLength: 400 } },
          },
          response: { 200: OPEN_OBJECT },
        },
      },
      async (request) => {
        const { subject, limit } = request.query;
        return { events: await store.listAudit({ limit, ...(subject === undefined ? {} : { subject }) }) };
      },
    );

    api.get(
      '/audit/verify',
      {
        schema: {
          tags: ['lifecycle'],
          summary: 'Checks the audit log’s hash chain',
          response: { 200: OPEN_OBJECT },
        },
      },
      async () => store.verifyAudit(),
    );

    api.get<{ Querystring: { status?: WebhookStatus; limit: number } }>(
      '/webhooks',
      {
        schema: {
          tags: ['lifecycle'],
          summary: 'Webhook deliveries, with their state',
          querystring: {
            type: 'object',
            properties: {
              ...LIMIT_QUERY.properties,
              status: { type: 'string', enum: ['pending', 'delivered', 'dead'] },
            },
          },
          response: { 200: OPEN_OBJECT },
        },
      },
      async (request) => {
        const { status, limit } = request.query;
        return {
          deliveries: await store.listWebhooks({ limit, ...(status === undefined ? {} : { status }) }),
        };
      },
    );
  };
}
