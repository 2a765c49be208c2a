import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { MeshplaneError } from '../../errors/index.js';
import type { MeshRuntime, RuntimeProduct } from '../../runtime/index.js';
import { productAlias } from '../../runtime/index.js';
import { storageRefusalOf } from '../mesh-costs.js';
import { PRODUCT_ID_PARAMS } from '../schemas/registry-schemas.js';

const errors = { 400: { $ref: 'ErrorBody#' }, 404: { $ref: 'ErrorBody#' } } as const;

function productOf(runtime: MeshRuntime, id: string): RuntimeProduct {
  const product = runtime.products().find((p) => p.id === id);
  if (product === undefined) throw new MeshplaneError('NOT_FOUND', `no deployed product '${id}'`);
  return product;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Running products, their quarantine, and bulk export of an output port. */
export function runtimeRoutes(runtime: MeshRuntime) {
  return async (api: FastifyInstance): Promise<void> => {
    api.post<{ Params: { id: string } }>(
      '/products/:id/runs',
      {
        schema: {
          tags: ['runtime'],
          summary: "Ingest the product's new input and rebuild its output ports now",
          description: "403 when the product's domain is at its storage quota (docs/cost.md).",
          params: PRODUCT_ID_PARAMS,
          body: { type: 'object', properties: { trigger: { type: 'string', enum: ['manual'] } } },
          response: { ...errors },
        },
      },
      async (request) => {
        const product = productOf(runtime, request.params.id);
        const overQuota = await storageRefusalOf(runtime, product.domain);
        if (overQuota !== undefined) throw overQuota;
        const result = await runtime.runProduct(product, { trigger: 'manual' });
        const runs = [...result.ingests, ...result.transforms].map((s) => ({
          port: s.port,
          status: s.status,
          rowsIn: (s.result as { rowsIn?: number } | undefined)?.rowsIn ?? 0,
          rowsOut: (s.result as { rowsOut?: number; rowsAccepted?: number } | undefined)?.rowsOut ?? 0,
          durationMs: (s.result as { durationMs?: number } | undefined)?.durationMs ?? 0,
          ...(s.error === undefined ? {} : { error: s.error.message }),
        }));
        return { ok: result.ok, runs };
      },
    );

    api.get<{ Params: { id: string }; Querystring: { port?: string; limit: number } }>(
      '/products/:id/quarantine',
      {
        schema: {
          tags: ['runtime'],
          summary: 'Records refused at input ports, with the reason and the source position',
          params: PRODUCT_ID_PARAMS,
          querystring: {
            type: 'object',
            properties: {
              port: { type: 'string', maxLength: 200 },
              limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 100 },
            },
          },
          response: { ...errors },
        },
      },
      async (request) => {
        const product = productOf(runtime, request.params.id);
        const counts = Object.fromEntries(await runtime.quarantineCounts(product.id));
        const items = await runtime.listQuarantine(product.id, {
          limit: request.query.limit,
          ...(request.query.port === undefined ? {} : { port: request.query.port }),
        });
        return { counts, items };
      },
    );

    api.get<{ Params: { id: string; port: string }; Querystring: { format: 'parquet' | 'csv' } }>(
      '/products/:id/ports/:port/export',
      {
        schema: {
          tags: ['output ports'],
          summary: 'Bulk export of an output port as Parquet or CSV',
          params: {
            type: 'object',
            required: ['id', 'port'],
            properties: {
              id: PRODUCT_ID_PARAMS.properties.id,
              port: { type: 'string', minLength: 1, maxLength: 200 },
            },
          },
          querystring: {
            type: 'object',
            properties: { format: { type: 'string', enum: ['parquet', 'csv'], default: 'parquet' } },
          },
          response: { ...errors },
        },
      },
      async (request, reply) => {
        const product = productOf(runtime, request.params.id);
        const port = product.outputs.find((o) => o.name === request.params.port);
        if (port === undefined) {
          throw new MeshplaneError(
            'NOT_FOUND',
            `product '${product.id}' has no output port '${request.params.port}'`,
          );
        }
        const format = request.query.format;
        const dir = await mkdtemp(path.join(tmpdir(), 'meshplane-export-'));
        const file = path.join(dir, `${port.name}.${format}`);
        const options = format === 'parquet' ? '(FORMAT parquet)' : '(FORMAT csv, HEADER true)';
        await runtime.hub.run(
          `COPY (SELECT * FROM ${quote(productAlias(product.id))}.main.${quote(port.name)}) TO '${file.replaceAll("'", "''")}' ${options}`,
        );
        const stream = createReadStream(file);
        stream.on('close', () => void rm(dir, { recursive: true, force: true }));
        return reply
          .header(
            'content-type',
            format === 'parquet' ? 'application/vnd.apache.parquet' : 'text/csv; charset=utf-8',
          )
          .header('content-disposition', `attachment; filename="${product.id}.${port.name}.${format}"`)
          .send(stream);
      },
    );
  };
}
