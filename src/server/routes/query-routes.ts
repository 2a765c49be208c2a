import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Row } from '../../engines/engine.js';
import type { MeshRuntime } from '../../runtime/index.js';

interface QueryBody {
  readonly sql: string;
  readonly format?: 'json' | 'ndjson' | 'csv';
  readonly limit?: number;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * `POST /api/v1/query`: one SELECT over the mesh's products (`domain.product`,
 * `domain.product.port`). JSON answers once with columns and rows; NDJSON and CSV stream.
 */
export function queryRoutes(runtime: MeshRuntime) {
  return async (api: FastifyInstance): Promise<void> => {
    api.post<{ Body: QueryBody }>(
      '/query',
      {
        schema: {
          tags: ['output ports'],
          summary: 'Run one SQL SELECT over the mesh',
          body: {
            type: 'object',
            required: ['sql'],
            additionalProperties: false,
            properties: {
              sql: { type: 'string', minLength: 1, maxLength: 100_000 },
              format: { type: 'string', enum: ['json', 'ndjson', 'csv'], default: 'json' },
              limit: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 10_000 },
            },
          },
          response: { 400: { $ref: 'ErrorBody#' } },
        },
      },
      async (request, reply) => {
        const started = performance.now();
        const controller = new AbortController();
        // A client that goes away mid-query cancels it; a finished response does not.
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) controller.abort();
        });
        const stream = await runtime.runQuery(request.body.sql, {
          limit: request.body.limit ?? 10_000,
          signal: controller.signal,
        });
        const columns = stream.columns.map((c) => ({ name: c.name, type: c.type }));
        const format = request.body.format ?? 'json';
        if (format === 'json') {
          const rows: Row[] = [];
          for await (const chunk of stream) rows.push(...chunk);
          return {
            columns,
            rows,
            rowCount: rows.length,
            truncated: stream.truncated(),
            elapsedMs: Math.round(performance.now() - started),
          };
        }
        async function* body(): AsyncGenerator<string> {
          if (format === 'csv') yield `${columns.map((c) => csvCell(c.name)).join(',')}\r\n`;
          for await (const chunk of stream) {
            yield chunk
              .map((row) =>
                format === 'csv'
                  ? `${columns.map((c) => csvCell(row[c.name])).join(',')}\r\n`
                  : `${JSON.stringify(row)}\n`,
              )
              .join('');
          }
        }
        return reply
          .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
          .header('x-meshplane-columns', JSON.stringify(columns))
          .send(Readable.from(body()));
      },
    );
  };
}
