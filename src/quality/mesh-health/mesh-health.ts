/**
 * The mesh's success metrics from plain inputs (see health-input.ts): per product, then summed
 * up per domain and for the whole mesh. Pure and total: missing data gives absent figures and
 * notes, never a throw. Definitions, sources and caveats: docs/mesh-health.md.
 */
import { quantile, roundSeconds, summarizeDurations } from './duration-summary.js';
import { productFreshness } from './freshness.js';
import type { HealthProductInput, MeshHealthInput } from './health-input.js';
import type {
  DomainHealth,
  HealthFigures,
  MeshHealthReport,
  ProductHealth,
  ProductSla,
} from './health-report.js';
import { meshReaders } from './product-readers.js';
import { productCreation } from './time-to-create.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** met / (met + breached), or absent when no time was known. */
function share(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}

function productSla(product: HealthProductInput): ProductSla | undefined {
  const sla = product.sla;
  if (sla === undefined || sla.objectives === 0) return undefined;
  const adherence = share(sla.metSeconds, sla.metSeconds + sla.breachedSeconds);
  return {
    objectives: sla.objectives,
    state: sla.state,
    ...(adherence === undefined ? {} : { adherence }),
    metSeconds: roundSeconds(sla.metSeconds),
    breachedSeconds: roundSeconds(sla.breachedSeconds),
  };
}

/** A product's health with the names of its active query consumers, which the sums need. */
type ProductRow = ProductHealth & { readonly consumerNames: readonly string[] };

/** The figures of a set of products: the mesh's or one domain's. */
function figures(products: readonly ProductRow[]): HealthFigures {
  const deployed = products.filter((p) => p.deployed);
  const created = products.flatMap((p) => (p.timeToCreate === undefined ? [] : [p.timeToCreate]));
  const withSla = products.flatMap((p) => (p.sla === undefined ? [] : [p.sla]));
  const met = withSla.reduce((n, s) => n + s.metSeconds, 0);
  const breached = withSla.reduce((n, s) => n + s.breachedSeconds, 0);
  const adherence = share(met, met + breached);
  const ports = products.flatMap((p) => p.freshness.ports);
  const ages = ports.flatMap((p) => (p.ageSeconds === undefined ? [] : [p.ageSeconds]));
  const consumers = new Set(products.flatMap((p) => p.consumerNames));
  const medianConsumers = quantile(
    deployed.map((p) => p.consumers.active),
    0.5,
  );
  const reused = deployed.filter((p) => p.crossDomain).length;
  const reuseShare = share(reused, deployed.length);
  return {
    products: {
      total: products.length,
      deployed: deployed.length,
      notYetDeployed: products.length - deployed.length,
    },
    timeToCreate: {
      ...summarizeDurations(created.map((t) => t.seconds)),
      scaffolded: created.filter((t) => t.source === 'scaffolded').length,
      firstSeen: created.filter((t) => t.source === 'first-seen').length,
    },
    sla: {
      productsWithSla: withSla.length,
      breachedNow: withSla.filter((s) => s.state === 'breached').length,
      ...(adherence === undefined ? {} : { adherence }),
      metSeconds: roundSeconds(met),
      breachedSeconds: roundSeconds(breached),
    },
    freshness: {
      ...summarizeDurations(ages),
      ports: ports.length,
      neverUpdated: ports.length - ages.length,
    },
    consumers: {
      distinctQueryConsumers: consumers.size,
      ...(medianConsumers === undefined ? {} : { medianPerProduct: medianConsumers }),
      productsWithoutConsumers: deployed.filter((p) => p.consumers.active === 0).length,
    },
    reuse: { crossDomainProducts: reused, ...(reuseShare === undefined ? {} : { share: reuseShare }) },
    incidents: {
      open: products.reduce((n, p) => n + p.incidents.open, 0),
      acknowledged: products.reduce((n, p) => n + p.incidents.acknowledged, 0),
    },
  };
}

/** The mesh's health report at `input.now`. */
export function meshHealth(input: MeshHealthInput): MeshHealthReport {
  const readers = meshReaders(input);
  const rows: ProductRow[] = [...input.products]
    .sort((a, b) => byText(a.id, b.id))
    .map((p) => {
      const creation = productCreation(p);
      const read = readers.byProduct.get(p.id);
      const sla = productSla(p);
      const { consumerNames = [], ...consumers } = read ?? {
        active: 0,
        queryConsumers: 0,
        products: 0,
        readByDomains: [],
      };
      return {
        id: p.id,
        domain: p.domain,
        deployed: p.deployed,
        ...(creation.scaffoldedAt === undefined ? {} : { scaffoldedAt: creation.scaffoldedAt }),
        ...(creation.firstSeenAt === undefined ? {} : { firstSeenAt: creation.firstSeenAt }),
        ...(creation.firstDeployedAt === undefined ? {} : { firstDeployedAt: creation.firstDeployedAt }),
        ...(creation.timeToCreate === undefined ? {} : { timeToCreate: creation.timeToCreate }),
        ...(sla === undefined ? {} : { sla }),
        freshness: productFreshness(p.outputs, input.now),
        consumers,
        crossDomain: consumers.readByDomains.length > 0,
        incidents: { open: p.incidents.open, acknowledged: p.incidents.acknowledged },
        notes: [...(p.notes ?? []), ...creation.notes],
        consumerNames,
      };
    });

  const declared = new Map(input.domains.map((d) => [d.name, d] as const));
  const names = [...new Set([...declared.keys(), ...rows.map((r) => r.domain)])].sort(byText);
  const domains: DomainHealth[] = names.map((name) => {
    const own = rows.filter((r) => r.domain === name);
    const owner = declared.get(name)?.ownerTeam;
    return {
      name,
      declared: declared.has(name),
      ...(owner === undefined ? {} : { ownerTeam: owner }),
      onPlatform: own.some((r) => r.deployed),
      ...figures(own),
    };
  });
  const declaredDomains = domains.filter((d) => d.declared);
  const onPlatform = declaredDomains.filter((d) => d.onPlatform).length;
  const domainShare = share(onPlatform, declaredDomains.length);

  return {
    generatedAt: input.now,
    days: input.days,
    mesh: {
      ...figures(rows),
      domains: {
        declared: declaredDomains.length,
        onPlatform,
        ...(domainShare === undefined ? {} : { share: domainShare }),
        withoutProducts: declaredDomains.filter((d) => !d.onPlatform).map((d) => d.name),
        undeclared: domains.filter((d) => !d.declared && d.onPlatform).map((d) => d.name),
      },
      edges: readers.edges,
      consumersWithoutDomain: readers.consumersWithoutDomain.length,
    },
    domains,
    products: rows.map(({ consumerNames: _names, ...product }) => product),
  };
}
