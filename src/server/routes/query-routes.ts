import { Readable } from 'node:stream';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Row } from '../../engines/engine.js';
import { type QueryMetrics, queryOutcomeOf } from '../../observability/index.js';
import type { MeshRuntime, MeshTarget } from '../../runtime/index.js';
import type { ControlStore } from '../../store/index.js';
import { queryCostsOf } from '../mesh-costs.js';
import { deprecationWarnings, sunsetHeader } from '../query-warnings.js';
import { actorOf } from '../request-actor.js';

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
 * Counts a finished query against each port version it read, for its consumer. A count that
 * cannot be written is logged, never turned into a failed query.
 */
async function recordUsage(
  store: ControlStore,
  targets: readonly MeshTarget[],
  consumer: string,
  rows: number,
  log: FastifyBaseLogger,
): Promise<void> {
  const at = new Date();
  try {
    await store.recordPortUsage(
      targets.map((t) => ({ productId: t.productId, port: t.portName, major: t.major, consumer, rows, at })),
    );
  } catch (error) {
    log.warn({ err: error }, 'could not record port usage');
  }
}

/**
 * `POST /api/v1/query`: one SELECT over the mesh's products (`domain.product`,
 * `domain.product.port`, `domain."port@v1"`). JSON answers once with columns and rows; NDJSON and
 * CSV stream. A query of a deprecated version carries warnings (query-warnings.ts); every query is
 * counted against the port versions it read, for the consumer named by `Meshplane-Actor`, and
 * its time charged to that consumer and the domains it read; a domain that used its query time
 * quota of the day refuses it first (403, docs/cost.md).
 */
export function queryRoutes(runtime: MeshRuntime, store: ControlStore, metrics?: QueryMetrics) {
  const costs = queryCostsOf(runtime, store);
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
          response: { 400: { $ref: 'ErrorBody#' }, 403: { $ref: 'ErrorBody#' } },
        },
      },
      async (request, reply) => {
        const started = performance.now();
        const controller = new AbortController();
        // A client that goes away mid-query cancels it; a finished response does not.
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) controller.abort();
        });
        const failed = (error: unknown): never => {
          metrics?.finished(queryOutcomeOf(error, controller.signal), performance.now() - started, 0);
          throw error;
        };
        await costs.admit(request.body.sql).catch(failed);
        const stream = await runtime
          .runQuery(request.body.sql, {
            limit: request.body.limit ?? 10_000,
            signal: controller.signal,
          })
          .catch(failed);
        const columns = stream.columns.map((c) => ({ name: c.name, type: c.type }));
        const format = request.body.format ?? 'json';
        const consumer = actorOf(request.headers);
        const charge = (rows: number) =>
          costs.record(stream.targets, consumer, performance.now() - started, rows, request.log);
        const warnings = deprecationWarnings(stream.targets);
        for (const w of warnings) void reply.header('meshplane-warning', w.message);
        const sunset = sunsetHeader(warnings);
        if (sunset !== undefined) void reply.header('sunset', sunset);
        if (format === 'json') {
          const rows: Row[] = [];
          try {
            for await (const chunk of stream) rows.push(...chunk);
          } catch (error) {
            await charge(rows.length);
            failed(error);
          }
          metrics?.finished('succeeded', performance.now() - started, rows.length);
          await charge(rows.length);
          await recordUsage(store, stream.targets, consumer, rows.length, request.log);
          return {
            columns,
            rows,
            rowCount: rows.length,
            truncated: stream.truncated(),
            elapsedMs: Math.round(performance.now() - started),
            ...(warnings.length === 0 ? {} : { warnings }),
          };
        }
        async function* body(): AsyncGenerator<string> {
          if (format === 'csv') yield `${columns.map((c) => csvCell(c.name)).join(',')}\r\n`;
          let count = 0;
          try {
            for await (const chunk of stream) {
              count += chunk.length;
              yield chunk
                .map((row) =>
                  format === 'csv'
                    ? `${columns.map((c) => csvCell(row[c.name])).join(',')}\r\n`
                    : `${JSON.stringify(row)}\n`,
                )
                .join('');
            }
          } catch (error) {
            await charge(count);
            failed(error);
          }
          metrics?.finished('succeeded', performance.now() - started, count);
          await charge(count);
          await recordUsage(store, stream.targets, consumer, count, request.log);
        }
        return reply
          .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
          .header('x-meshplane-columns', JSON.stringify(columns))
          .send(Readable.from(body()));
      },
    );
  };
}
