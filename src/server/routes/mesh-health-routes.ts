/**
 * `GET /api/v1/mesh/health`: the mesh's success metrics (docs/mesh-health.md). This file gathers
 * the inputs (mesh.yaml's domains and teams as synced into the store, the deploy journal, port
 * usage, runs, incidents, the monitor's SLA reports, the runtime's deployed products);
 * src/quality/mesh-health/ computes the report from them.
 */
import type { FastifyInstance } from 'fastify';
import {
  bundleDescriptorFacts,
  DEFAULT_CONSUMER_DAYS,
  type HealthProductInput,
  type HealthSlaInput,
  MAX_CONSUMER_DAYS,
  MESH_HEALTH_REPORT_SCHEMA,
  type MeshHealthReport,
  meshHealth,
} from '../../quality/mesh-health/index.js';
import { parseSemver, portKey, type RuntimeProduct } from '../../runtime/index.js';
import type { ControlStore, ProductSummary } from '../../store/index.js';
import type { MonitorLoop } from '../monitor-loop.js';
import type { ProductSlaReport } from '../monitoring/sla-report.js';

/** What the report reads. */
export interface MeshHealthSources {
  readonly store: ControlStore;
  readonly runtime: { products(): readonly RuntimeProduct[] };
  readonly monitor: Pick<MonitorLoop, 'slaReport'>;
}

type CustomProperties = HealthProductInput['customProperties'];

/** What is known of a product beyond the journal, runs, usage and incidents. */
interface KnownProduct {
  readonly domain: string;
  readonly customProperties: CustomProperties;
  readonly reads: readonly string[];
  /** Output port version keys, as runs name them. */
  readonly ports: readonly string[];
  readonly sla?: HealthSlaInput;
  readonly notes: readonly string[];
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The custom properties of a registered descriptor (the normalized ODPS product, as JSON). */
function descriptorProperties(descriptor: unknown): CustomProperties {
  const list = (descriptor as { customProperties?: unknown } | null)?.customProperties;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: { property?: unknown; value?: unknown } | null) =>
    typeof p?.property === 'string' ? [{ property: p.property, value: p.value }] : [],
  );
}

/** The product's SLA figures over 30 days, from the monitor's report. */
function slaOf(report: ProductSlaReport): HealthSlaInput {
  const window = report.adherence.days30;
  return {
    objectives: report.ports.reduce((n, p) => n + p.objectives.length, 0),
    state: report.state,
    metSeconds: window.metSeconds,
    breachedSeconds: window.breachedSeconds,
  };
}

/** A served product: everything from the runtime, its SLA from the monitor. */
async function servedProduct(
  sources: MeshHealthSources,
  product: RuntimeProduct,
  now: Date,
): Promise<KnownProduct> {
  const notes: string[] = [];
  let sla: HealthSlaInput | undefined;
  try {
    sla = slaOf(await sources.monitor.slaReport(product.id, now));
  } catch (error) {
    notes.push(`SLA not evaluated: ${describe(error)}`);
  }
  return {
    domain: product.domain,
    customProperties: product.product.customProperties,
    reads: product.inputs.flatMap((i) => (i.kind === 'product' ? [i.productId] : [])),
    ports: product.outputs.map((o) => o.name),
    ...(sla === undefined ? {} : { sla }),
    notes,
  };
}

/** A registered product the runtime did not load: what the registry keeps of it. */
async function registeredProduct(sources: MeshHealthSources, summary: ProductSummary): Promise<KnownProduct> {
  const detail = await sources.store.getProduct(summary.id);
  return {
    domain: summary.domain,
    customProperties: descriptorProperties(detail?.descriptor),
    reads: (detail?.inputPorts ?? []).flatMap((i) =>
      i.source.kind === 'product' ? [i.source.productId] : [],
    ),
    ports: summary.outputPorts.map((o) => portKey(o.name, parseSemver(o.version)?.major ?? 1)),
    notes: ['registered but not served by the runtime: SLA not evaluated'],
  };
}

/** A product that only has failed (or unfinished) deploys: what its latest bundle says. */
async function triedProduct(
  sources: MeshHealthSources,
  id: string,
  deploys: number,
  failed: number,
): Promise<KnownProduct> {
  const [latest] = await sources.store.listDeploys(id, 1);
  const deploy = latest === undefined ? undefined : await sources.store.getDeploy(latest.id);
  const facts = bundleDescriptorFacts(deploy?.bundle);
  const notes = [`not deployed successfully yet: ${deploys} deploy(s), ${failed} failed`];
  if (latest?.error !== undefined)
    notes.push(`latest deploy failed at ${latest.error.step}: ${latest.error.message}`);
  if (facts.domain === undefined)
    notes.push("its descriptor's domain could not be read from the deploy journal");
  return {
    domain: facts.domain ?? 'unknown',
    customProperties: facts.customProperties,
    reads: [],
    ports: [],
    notes,
  };
}

/** Gathers the inputs and computes the report at `now`, counting consumers over `days` days. */
export async function meshHealthReport(
  sources: MeshHealthSources,
  days: number = DEFAULT_CONSUMER_DAYS,
  now: Date = new Date(),
): Promise<MeshHealthReport> {
  const { store } = sources;
  const since = new Date(now.getTime() - days * 86_400_000);
  const [domains, teams, registered, milestones, usage, incidents] = await Promise.all([
    store.listDomains(),
    store.listTeams(),
    store.listProducts(),
    store.listDeployMilestones(),
    store.listPortUsageSince(since),
    store.countActiveIncidents(),
  ]);
  const served = new Map(sources.runtime.products().map((p) => [p.id, p] as const));
  const summaries = new Map(registered.map((p) => [p.id, p] as const));
  const journal = new Map(milestones.map((m) => [m.productId, m] as const));
  const open = new Map(incidents.map((i) => [i.productId, i] as const));
  const ids = [...new Set([...served.keys(), ...summaries.keys(), ...journal.keys()])].sort();

  const products: HealthProductInput[] = [];
  for (const id of ids) {
    const runtimeProduct = served.get(id);
    const summary = summaries.get(id);
    const m = journal.get(id);
    // Deployed means registered by a successful deploy: the runtime may also hold a product
    // whose first deploy failed after it was provisioned.
    const known: KnownProduct =
      summary === undefined
        ? await triedProduct(sources, id, m?.deploys ?? 0, m?.failed ?? 0)
        : runtimeProduct !== undefined
          ? await servedProduct(sources, runtimeProduct, now)
          : await registeredProduct(sources, summary);
    const outputs = [];
    for (const port of known.ports) {
      const at = await store.lastPortUpdate(id, port);
      outputs.push(at === undefined ? { port } : { port, lastUpdatedAt: at });
    }
    const counts = open.get(id);
    products.push({
      id,
      domain: known.domain,
      deployed: summary !== undefined,
      customProperties: known.customProperties,
      ...(m === undefined ? {} : { firstDeployAt: m.firstDeployAt }),
      ...(m?.firstSucceededAt === undefined ? {} : { firstSucceededAt: m.firstSucceededAt }),
      reads: known.reads,
      outputs,
      ...(known.sla === undefined ? {} : { sla: known.sla }),
      incidents: { open: counts?.open ?? 0, acknowledged: counts?.acknowledged ?? 0 },
      notes: known.notes,
    });
  }
  return meshHealth({
    now: now.toISOString(),
    days,
    domains: domains.map((d) => ({ name: d.name, ownerTeam: d.ownerTeam })),
    teams: teams.map((t) => ({ name: t.name, members: t.members.map((m) => m.username) })),
    products,
    usage: usage.map((u) => ({ productId: u.productId, consumer: u.consumer, lastReadAt: u.lastReadAt })),
  });
}

/**
 * `GET /mesh/health?days=N`: time to create, SLA adherence, freshness, active consumers,
 * cross-domain reuse, domains on the platform and open incidents, for the mesh, per domain and
 * per product.
 */
export function meshHealthRoutes(
  store: ControlStore,
  runtime: MeshHealthSources['runtime'],
  monitor: MeshHealthSources['monitor'],
) {
  const sources: MeshHealthSources = { store, runtime, monitor };
  return async (api: FastifyInstance): Promise<void> => {
    api.get<{ Querystring: { days: number } }>(
      '/mesh/health',
      {
        schema: {
          tags: ['observability'],
          summary:
            "The mesh's success metrics: time to create, SLA adherence, freshness, consumers, cross-domain reuse, adoption",
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              days: {
                type: 'integer',
                minimum: 1,
                maximum: MAX_CONSUMER_DAYS,
                default: DEFAULT_CONSUMER_DAYS,
                description: 'A consumer is active with a read in this many days.',
              },
            },
          },
          response: { 200: MESH_HEALTH_REPORT_SCHEMA, 400: { $ref: 'ErrorBody#' } },
        },
      },
      async (request) => meshHealthReport(sources, request.query.days),
    );
  };
}
