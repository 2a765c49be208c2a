import type { FastifyInstance } from 'fastify';
import { MeshplaneError } from '../../errors/index.js';
import type { ControlStore } from '../../store/index.js';
import {
  DEPLOY,
  DEPLOY_SUMMARY,
  DOMAIN,
  LIMIT_QUERY,
  PRODUCT_DETAIL,
  PRODUCT_ID_PARAMS,
  PRODUCT_SUMMARY,
  RUN,
  TEAM,
} from '../schemas/registry-schemas.js';

const errors = { 400: { $ref: 'ErrorBody#' }, 404: { $ref: 'ErrorBody#' } } as const;

/** The registry's read API: domains, teams, products, versions, deploys and runs. */
export function registryRoutes(store: ControlStore) {
  return async (api: FastifyInstance): Promise<void> => {
    api.get(
      '/domains',
      {
        schema: {
          tags: ['registry'],
          summary: 'The domains of the mesh and their owner teams',
          response: { 200: { type: 'object', properties: { domains: { type: 'array', items: DOMAIN } } } },
        },
      },
      async () => ({ domains: await store.listDomains() }),
    );

    api.get(
      '/teams',
      {
        schema: {
          tags: ['registry'],
          summary: 'The teams of the mesh and their members',
          response: { 200: { type: 'object', properties: { teams: { type: 'array', items: TEAM } } } },
        },
      },
      async () => ({ teams: await store.listTeams() }),
    );

    api.get<{ Querystring: { domain?: string; status?: string } }>(
      '/products',
      {
        schema: {
          tags: ['registry'],
          summary: 'The registered data products',
          querystring: {
            type: 'object',
            properties: {
              domain: { type: 'string', maxLength: 100 },
              status: { type: 'string', maxLength: 50 },
            },
          },
          response: {
            200: { type: 'object', properties: { products: { type: 'array', items: PRODUCT_SUMMARY } } },
            ...errors,
          },
        },
      },
      async (request) => {
        const { domain, status } = request.query;
        return {
          products: await store.listProducts({
            ...(domain === undefined ? {} : { domain }),
            ...(status === undefined ? {} : { status }),
          }),
        };
      },
    );

    api.get<{ Params: { id: string } }>(
      '/products/:id',
      {
        schema: {
          tags: ['registry'],
          summary: 'One product: its current version, ports, contracts and version history',
          params: PRODUCT_ID_PARAMS,
          response: { 200: PRODUCT_DETAIL, ...errors },
        },
      },
      async (request) => {
        const product = await store.getProduct(request.params.id);
        if (product === undefined) throw new MeshplaneError('NOT_FOUND', `no product '${request.params.id}'`);
        return product;
      },
    );

    api.get<{ Params: { id: string }; Querystring: { limit: number } }>(
      '/products/:id/runs',
      {
        schema: {
          tags: ['runtime'],
          summary: "The product's pipeline runs, newest first",
          params: PRODUCT_ID_PARAMS,
          querystring: LIMIT_QUERY,
          response: {
            200: { type: 'object', properties: { runs: { type: 'array', items: RUN } } },
            ...errors,
          },
        },
      },
      async (request) => ({ runs: await store.listRuns(request.params.id, request.query.limit) }),
    );

    api.get<{ Querystring: { productId?: string; limit: number } }>(
      '/deploys',
      {
        schema: {
          tags: ['registry'],
          summary: 'Deploy history, newest first',
          querystring: {
            type: 'object',
            properties: { ...LIMIT_QUERY.properties, productId: { type: 'string', maxLength: 200 } },
          },
          response: {
            200: { type: 'object', properties: { deploys: { type: 'array', items: DEPLOY_SUMMARY } } },
          },
        },
      },
      async (request) => ({ deploys: await store.listDeploys(request.query.productId, request.query.limit) }),
    );

    api.get<{ Params: { id: string } }>(
      '/deploys/:id',
      {
        schema: {
          tags: ['registry'],
          summary: 'One deploy with its step log',
          params: PRODUCT_ID_PARAMS,
          response: { 200: DEPLOY, ...errors },
        },
      },
      async (request) => {
        const deploy = await store.getDeploy(request.params.id);
        if (deploy === undefined) throw new MeshplaneError('NOT_FOUND', `no deploy '${request.params.id}'`);
        return deploy;
      },
    );
  };
}
