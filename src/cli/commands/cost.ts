import { EXIT } from '../../errors/index.js';
import {
  COST_VIEWS,
  type CostReport,
  type CostView,
  formatBytes,
  formatDuration,
  MAX_REPORT_DAYS,
} from '../../observability/cost/index.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';
import { formatTable, type Row } from '../output/format-rows.js';
import { parseFormat, parsePositiveInt } from './validate.js';

interface CostFlags {
  readonly by: CostView;
  readonly days: number;
  readonly format: 'table' | 'json';
  readonly server?: string;
}

const limit = (value: number | undefined, format: (n: number) => string) =>
  value === undefined ? '-' : format(value);

/** The report as an aligned table for people: sizes and durations in words, quotas beside usage. */
function renderRows(report: CostReport): { columns: string[]; rows: Row[] } {
  switch (report.by) {
    case 'domain':
      return {
        columns: [
          'domain',
          'products',
          'storage',
          'storage quota',
          'queries',
          'query time',
          'today',
          'query quota/day',
          'bytes scanned',
          'pipeline',
          'status',
        ],
        rows: report.rows.map((d) => ({
          domain: d.domain,
          products: d.products,
          storage: formatBytes(d.storageBytes),
          'storage quota': limit(d.quotas.storageBytes, formatBytes),
          queries: d.queries,
          'query time': formatDuration(d.queryTimeMs),
          today: formatDuration(d.queryTimeTodayMs),
          'query quota/day': limit(d.quotas.queryTimePerDayMs, formatDuration),
          'bytes scanned': formatBytes(d.bytesScanned),
          pipeline: `${formatDuration(d.pipelineMs)} (${d.pipelineRuns} runs)`,
          status: d.overQuota.length === 0 ? 'ok' : `over ${d.overQuota.join(', ')}`,
        })),
      };
    case 'product':
      return {
        columns: ['product', 'domain', 'storage', 'file', 'wal', 'pipeline runs', 'pipeline time'],
        rows: report.rows.map((p) => ({
          product: p.product,
          domain: p.domain,
          storage: formatBytes(p.storageBytes),
          file: formatBytes(p.fileBytes),
          wal: formatBytes(p.walBytes),
          'pipeline runs': p.pipelineRuns,
          'pipeline time': formatDuration(p.pipelineMs),
        })),
      };
    case 'consumer':
      return {
        columns: ['consumer', 'queries', 'query time', 'bytes scanned', 'rows', 'domains read'],
        rows: report.rows.map((c) => ({
          consumer: c.consumer,
          queries: c.queries,
          'query time': formatDuration(c.queryTimeMs),
          'bytes scanned': formatBytes(c.bytesScanned),
          rows: c.rows,
          'domains read': c.domains.map((d) => `${d.domain} (${d.queries})`).join(', '),
        })),
      };
  }
}

/** The report for people: what it covers, then the table. */
export function renderCostReport(report: CostReport): string {
  const period = report.from === report.to ? `${report.to} (UTC)` : `${report.from} to ${report.to} (UTC)`;
  const { columns, rows } = renderRows(report);
  return `cost by ${report.by}, ${period}\n${formatTable(columns, rows)}`;
}

/** `meshplane cost`: storage, query cost and pipeline compute by domain, product or consumer, with quotas. */
export const costCommand: CommandModule = (program, io, setExit) => {
  program
    .command('cost')
    .description(
      'show storage, query time, bytes scanned and pipeline compute by domain, product or consumer, with the quotas',
    )
    .option('--by <view>', COST_VIEWS.join(', '), parseFormat(COST_VIEWS), 'domain')
    .option('--days <n>', `UTC days counted, today included (1 to ${MAX_REPORT_DAYS})`, parsePositiveInt, 1)
    .option('--format <format>', 'table or json', parseFormat(['table', 'json'] as const), 'table')
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .action(async (flags: CostFlags) => {
      const query = new URLSearchParams({ by: flags.by, days: String(flags.days) });
      const report = (await (
        await callApi(serverUrl(flags.server), `/api/v1/cost?${query}`)
      ).json()) as CostReport;
      io.stdout(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderCostReport(report));
      setExit(EXIT.OK);
    });
};
