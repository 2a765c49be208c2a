import { InvalidArgumentError } from 'commander';
import { EXIT } from '../../errors/index.js';
import {
  DEFAULT_CONSUMER_DAYS,
  type DurationSummary,
  MAX_CONSUMER_DAYS,
  type MeshHealthReport,
} from '../../quality/mesh-health/index.js';
import { formatDuration } from '../../quality/sla/index.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';
import { formatTable } from '../output/format-rows.js';
import { parseFormat, parsePositiveInt } from './validate.js';

interface HealthFlags {
  readonly format: 'table' | 'json';
  readonly days: number;
  readonly server?: string;
}

/** A whole number of days within the server's bounds, refused here with the bounds named. */
function parseDays(value: string): number {
  const days = parsePositiveInt(value);
  if (days > MAX_CONSUMER_DAYS) throw new InvalidArgumentError(`expected at most ${MAX_CONSUMER_DAYS} days`);
  return days;
}

const percent = (share: number | undefined) => (share === undefined ? '-' : `${(share * 100).toFixed(1)} %`);
const duration = (seconds: number | undefined) => (seconds === undefined ? '-' : formatDuration(seconds));
const list = (names: readonly string[]) => (names.length === 0 ? '-' : names.join(', '));

function spread(summary: DurationSummary, over: string): string {
  if (summary.count === 0) return `- (no ${over})`;
  return `median ${duration(summary.medianSeconds)}, p90 ${duration(summary.p90Seconds)} over ${summary.count} ${over}`;
}

/** The mesh-wide figures, one line each. */
function meshLines(report: MeshHealthReport): string[] {
  const m = report.mesh;
  return [
    `mesh health at ${report.generatedAt} (consumers: a read in the last ${report.days} days)`,
    `domains on the platform: ${m.domains.onPlatform} of ${m.domains.declared} declared (${percent(m.domains.share)}); without products: ${list(m.domains.withoutProducts)}; undeclared: ${list(m.domains.undeclared)}`,
    `products: ${m.products.deployed} deployed, ${m.products.notYetDeployed} not deployed yet`,
    `time to create: ${spread(m.timeToCreate, 'products')}${m.timeToCreate.count === 0 ? '' : ` (${m.timeToCreate.scaffolded} from scaffold, ${m.timeToCreate.firstSeen} from first deploy attempt)`}`,
    `SLA adherence, 30 days: ${percent(m.sla.adherence)} over ${m.sla.productsWithSla} products with SLAs; breached now: ${m.sla.breachedNow}`,
    `freshness: ${spread(m.freshness, 'ports')}; never updated: ${m.freshness.neverUpdated}`,
    `consumers: ${m.consumers.distinctQueryConsumers} active query consumers; median per product ${m.consumers.medianPerProduct ?? '-'}; products without consumers: ${m.consumers.productsWithoutConsumers}; consumers in no domain: ${m.consumersWithoutDomain}`,
    `cross-domain reuse: ${m.reuse.crossDomainProducts} of ${m.products.deployed} products (${percent(m.reuse.share)})`,
    ...m.edges.map((e) => `  ${e.from} -> ${e.to}: ${e.products} products, ${e.readers} readers`),
    `incidents: ${m.incidents.open} open, ${m.incidents.acknowledged} acknowledged`,
  ];
}

/** The report for people: mesh-wide lines, then a table of domains and one of products. */
export function renderMeshHealth(report: MeshHealthReport): string {
  const domains = formatTable(
    [
      'domain',
      'on platform',
      'products',
      'time to create',
      'p90',
      'SLA adherence',
      'freshness',
      'consumers',
      'reused',
      'incidents',
    ],
    report.domains.map((d) => ({
      domain: d.declared ? d.name : `${d.name} (undeclared)`,
      'on platform': d.onPlatform ? 'yes' : 'no',
      products: `${d.products.deployed}/${d.products.total}`,
      'time to create': duration(d.timeToCreate.medianSeconds),
      p90: duration(d.timeToCreate.p90Seconds),
      'SLA adherence': percent(d.sla.adherence),
      freshness: duration(d.freshness.medianSeconds),
      consumers: d.consumers.distinctQueryConsumers,
      reused: `${d.reuse.crossDomainProducts} (${percent(d.reuse.share)})`,
      incidents: d.incidents.open + d.incidents.acknowledged,
    })),
  );
  const products = formatTable(
    [
      'product',
      'deployed',
      'time to create',
      'from',
      'SLA',
      'adherence',
      'oldest data',
      'consumers',
      'read by',
      'incidents',
    ],
    report.products.map((p) => ({
      product: p.id,
      deployed: p.deployed ? 'yes' : 'no',
      'time to create': duration(p.timeToCreate?.seconds),
      from: p.timeToCreate?.source ?? '-',
      SLA: p.sla?.state ?? '-',
      adherence: percent(p.sla?.adherence),
      'oldest data': p.freshness.neverUpdated > 0 ? 'never updated' : duration(p.freshness.oldestAgeSeconds),
      consumers: p.consumers.active,
      'read by': list(p.consumers.readByDomains),
      incidents: p.incidents.open + p.incidents.acknowledged,
    })),
  );
  const notes = report.products.flatMap((p) => p.notes.map((n) => `  ${p.id}: ${n}`));
  return [
    ...meshLines(report),
    '',
    domains.trimEnd(),
    '',
    products.trimEnd(),
    ...(notes.length === 0 ? [] : ['', 'notes:', ...notes]),
    '',
  ].join('\n');
}

/** `meshplane health`: the mesh's success metrics from the server. */
export const healthCommand: CommandModule = (program, io, setExit) => {
  program
    .command('health')
    .description(
      "show the mesh's success metrics: time to create, SLA adherence, freshness, consumers, cross-domain reuse, domains on the platform",
    )
    .option(
      '--days <n>',
      `a consumer is active with a read in the last N days (1 to ${MAX_CONSUMER_DAYS})`,
      parseDays,
      DEFAULT_CONSUMER_DAYS,
    )
    .option('--format <format>', 'table or json', parseFormat(['table', 'json'] as const), 'table')
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .action(async (flags: HealthFlags) => {
      const query = new URLSearchParams({ days: String(flags.days) });
      const response = await callApi(serverUrl(flags.server), `/api/v1/mesh/health?${query}`);
      const report = (await response.json()) as MeshHealthReport;
      io.stdout(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderMeshHealth(report));
      setExit(EXIT.OK);
    });
};
