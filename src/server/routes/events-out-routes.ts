import type { FastifyInstance } from 'fastify';
import { MeshplaneError } from '../../errors/index.js';
import {
  assertResumable,
  type ChangeStreamOptions,
  type EventDelivery,
  eventsSettings,
  resumeOffset,
  SubscriptionStore,
  streamChanges,
} from '../../ports/events-out/index.js';
import type { MeshRuntime, RuntimeOutputPort, RuntimeProduct } from '../../runtime/index.js';
import { PORT_PARAMS } from '../schemas/registry-schemas.js';

const errors = {
  400: { $ref: 'ErrorBody#' },
  404: { $ref: 'ErrorBody#' },
  409: { $ref: 'ErrorBody#' },
  412: { $ref: 'ErrorBody#' },
} as const;

const SUBSCRIPTION_PARAMS = {
  type: 'object',
  required: ['id', 'port', 'subscription'],
  properties: {
    ...PORT_PARAMS.properties,
    subscription: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

const OFFSET = { type: 'integer', minimum: 0, maximum: 999_999_999_999_999 } as const;

/** The SSE settings a deployment may tune; the rest come from the request. */
export type EventStreamSettings = Partial<
  Pick<ChangeStreamOptions, 'pollMs' | 'heartbeatMs' | 'batchSize' | 'maxBufferedBytes' | 'slowConsumerMs'>
>;

export interface EventsOutRoutesOptions {
  /** The running webhook delivery: its store, and a wake-up after a subscription is added. */
  readonly delivery?: EventDelivery;
  /** Where secrets are looked up by name, to refuse a subscription naming an unset one. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stream?: EventStreamSettings;
}

interface PortParams {
  id: string;
  port: string;
}

function eventPort(
  runtime: MeshRuntime,
  params: PortParams,
): { product: RuntimeProduct; port: RuntimeOutputPort } {
  const product = runtime.products().find((p) => p.id === params.id);
  if (product === undefined) throw new MeshplaneError('NOT_FOUND', `no deployed product '${params.id}'`);
  const port = product.outputs.find((o) => o.name === params.port);
  if (port === undefined) {
    throw new MeshplaneError('NOT_FOUND', `product '${product.id}' has no output port '${params.port}'`);
  }
  if (port.viewOf !== undefined) {
    throw new MeshplaneError(
      'PRECONDITION_FAILED',
      `${product.id}/${port.name} is served as a view over ${port.viewOf.source}; follow ${port.viewOf.source}'s events`,
    );
  }
  if (!eventsSettings(product.id, port).capture) {
    throw new MeshplaneError(
      'PRECONDITION_FAILED',
      `${product.id}/${port.name} logs no changes (its contract sets meshplane.events: false)`,
    );
  }
  return { product, port };
}

function webhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new MeshplaneError('INVALID_INPUT', `'${text}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MeshplaneError('INVALID_INPUT', `a webhook URL must be http or https, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new MeshplaneError(
      'INVALID_INPUT',
      'a webhook URL may not carry credentials; use secretEnv to sign',
    );
  }
  return url.toString();
}

/**
 * Event output ports: `GET .../ports/:port/events` streams a port's changes as server-sent
 * events (CloudEvents, `id` = offset, resumable with `?after=` or `Last-Event-ID`), and
 * `.../ports/:port/subscriptions` manages webhook subscriptions (delivered by
 * `startEventDelivery`). Open streams end with a `shutdown` event when the server closes.
 */
export function eventsOutRoutes(runtime: MeshRuntime, options: EventsOutRoutesOptions = {}) {
  const store = options.delivery?.subscriptions ?? new SubscriptionStore(runtime.hub);
  const env = options.env ?? process.env;
  return async (api: FastifyInstance): Promise<void> => {
    const shutdown = new AbortController();
    api.addHook('preClose', async () => shutdown.abort());

    api.get<{ Params: PortParams; Querystring: { after?: number } }>(
      '/products/:id/ports/:port/events',
      {
        schema: {
          tags: ['output ports'],
          summary: "Server-sent events of an output port's changes (CloudEvents), from an offset, then live",
          params: PORT_PARAMS,
          querystring: { type: 'object', properties: { after: OFFSET } },
          response: { ...errors },
        },
      },
      async (request, reply) => {
        const { product, port } = eventPort(runtime, request.params);
        const lastEventId = request.headers['last-event-id'];
        const after = resumeOffset(
          request.query.after,
          Array.isArray(lastEventId) ? lastEventId[0] : lastEventId,
        );
        await assertResumable(runtime.hub, product.id, port.name, after);
        const gone = new AbortController();
        const signal = AbortSignal.any([gone.signal, shutdown.signal]);
        reply.hijack();
        const raw = reply.raw;
        raw.once('close', () => gone.abort());
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        raw.flushHeaders();
        await streamChanges(raw, {
          ...options.stream,
          hub: runtime.hub,
          productId: product.id,
          port: port.name,
          after,
          signal,
        }).catch((error: unknown) => {
          request.log.error({ err: error }, 'event stream failed');
          raw.destroy();
        });
      },
    );

    api.post<{ Params: PortParams; Body: { url: string; secretEnv?: string; after?: number } }>(
      '/products/:id/ports/:port/subscriptions',
      {
        schema: {
          tags: ['output ports'],
          summary: "Subscribe a webhook to an output port's changes",
          params: PORT_PARAMS,
          body: {
            type: 'object',
            required: ['url'],
            additionalProperties: false,
            properties: {
              url: { type: 'string', minLength: 1, maxLength: 2000 },
              secretEnv: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,127}$' },
              after: OFFSET,
            },
          },
          response: { ...errors },
        },
      },
      async (request, reply) => {
        const { product, port } = eventPort(runtime, request.params);
        const { secretEnv, after } = request.body;
        if (secretEnv !== undefined && (env[secretEnv] ?? '') === '') {
          throw new MeshplaneError(
            'INVALID_INPUT',
            `the secret variable ${secretEnv} is not set in the server's environment`,
          );
        }
        if (after !== undefined) await assertResumable(runtime.hub, product.id, port.name, after);
        const subscription = await store.create(product.id, {
          port: port.name,
          url: webhookUrl(request.body.url),
          ...(secretEnv === undefined ? {} : { secretEnv }),
          ...(after === undefined ? {} : { after }),
        });
        options.delivery?.wake();
        return reply.status(201).send(subscription);
      },
    );

    api.get<{ Params: PortParams }>(
      '/products/:id/ports/:port/subscriptions',
      {
        schema: {
          tags: ['output ports'],
          summary: "An output port's webhook subscriptions: cursor, failures, dead letters",
          params: PORT_PARAMS,
          response: { ...errors },
        },
      },
      async (request) => {
        const { product, port } = eventPort(runtime, request.params);
        const list = await store.list(product.id, port.name);
        const items = [];
        for (const subscription of list) {
          items.push({ ...subscription, deadLetters: await store.deadLetters(product.id, subscription.id) });
        }
        return { items };
      },
    );

    api.delete<{ Params: PortParams & { subscription: string } }>(
      '/products/:id/ports/:port/subscriptions/:subscription',
      {
        schema: {
          tags: ['output ports'],
          summary: 'Remove a webhook subscription',
          params: SUBSCRIPTION_PARAMS,
          response: { ...errors },
        },
      },
      async (request, reply) => {
        const { product, port } = eventPort(runtime, request.params);
        const found = await store.get(product.id, request.params.subscription);
        if (found === undefined || found.port !== port.name) {
          throw new MeshplaneError(
            'NOT_FOUND',
            `${product.id}/${port.name} has no subscription '${request.params.subscription}'`,
          );
        }
        await store.delete(product.id, found.id);
        return reply.status(204).send();
      },
    );
  };
}
