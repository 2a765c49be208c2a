/**
 * The cost report: storage, query cost and pipeline compute by domain, by product or by consumer,
 * from facts gathered elsewhere. Pure; the JSON shape is what `GET /api/v1/cost` answers and
 * `meshplane cost --format json` prints (docs/cost.md).
 */
import type { DomainQuotas } from '../../spec/model/mesh.js';
import type { ConsumerQueryCost, DomainQueryCost, RunCompute } from '../../store/index.js';
import type { QuotaTable } from './domain-quotas.js';
import type { QuotaName } from './quota-refusal.js';

/** What the report groups by. */
export const COST_VIEWS = ['domain', 'product', 'consumer'] as const;
export type CostView = (typeof COST_VIEWS)[number];

/** A deployed product's storage: its DuckDB file and that file's write-ahead log. */
export interface ProductStorage {
  readonly productId: string;
  readonly domain: string;
  readonly fileBytes: number;
  readonly walBytes: number;
}

/** Everything the report is computed from. */
export interface CostFacts {
  readonly now: Date;
  /** The report's UTC days, inclusive, `YYYY-MM-DD`. */
  readonly fromDay: string;
  readonly toDay: string;
  readonly products: readonly ProductStorage[];
  readonly quotas: QuotaTable;
  /** Query cost per (day, domain, consumer) over the report's days. */
  readonly domainCosts: readonly DomainQueryCost[];
  /** Query cost per (day, consumer) over the report's days. */
  readonly consumerCosts: readonly ConsumerQueryCost[];
  /** Pipeline compute per product over the report's days. */
  readonly runs: readonly RunCompute[];
}

export interface DomainCost {
  readonly domain: string;
  readonly products: number;
  readonly storageBytes: number;
  /** Queries that read the domain, their time (each charged whole), bytes of its tables read, rows returned. */
  readonly queries: number;
  readonly queryTimeMs: number;
  readonly bytesScanned: number;
  readonly pipelineRuns: number;
  readonly pipelineMs: number;
  /** The domain's quotas in mesh.yaml; empty when it has none. */
  readonly quotas: DomainQuotas;
  /** Query time of the current UTC day: what the query-time quota is checked against. */
  readonly queryTimeTodayMs: number;
  /** The quotas the domain has reached (its work of that kind is refused). */
  readonly overQuota: readonly QuotaName[];
}

export interface ProductCost {
  readonly product: string;
  readonly domain: string;
  readonly storageBytes: number;
  readonly fileBytes: number;
  readonly walBytes: number;
  readonly pipelineRuns: number;
  readonly pipelineMs: number;
}

export interface ConsumerDomainCost {
  readonly domain: string;
  readonly queries: number;
  readonly queryTimeMs: number;
  readonly bytesScanned: number;
}

export interface ConsumerCost {
  readonly consumer: string;
  /** Each query once, whatever it read. */
  readonly queries: number;
  readonly queryTimeMs: number;
  readonly bytesScanned: number;
  readonly rows: number;
  /** The domains the consumer's queries read, by name. */
  readonly domains: readonly ConsumerDomainCost[];
}

interface ReportHead {
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
}

export type CostReport =
  | (ReportHead & { readonly by: 'domain'; readonly rows: readonly DomainCost[] })
  | (ReportHead & { readonly by: 'product'; readonly rows: readonly ProductCost[] })
  | (ReportHead & { readonly by: 'consumer'; readonly rows: readonly ConsumerCost[] });

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sumBy<T>(
  items: readonly T[],
  key: (item: T) => string,
  value: (item: T) => number,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + value(item));
  return sums;
}

function productCosts(facts: CostFacts): ProductCost[] {
  const runs = new Map(facts.runs.map((r) => [r.productId, r]));
  return [...facts.products]
    .sort((a, b) => byName(a.productId, b.productId))
    .map((p) => ({
      product: p.productId,
      domain: p.domain,
      storageBytes: p.fileBytes + p.walBytes,
      fileBytes: p.fileBytes,
      walBytes: p.walBytes,
      pipelineRuns: runs.get(p.productId)?.runs ?? 0,
      pipelineMs: runs.get(p.productId)?.durationMs ?? 0,
    }));
}

function domainCosts(facts: CostFacts): DomainCost[] {
  const products = productCosts(facts);
  const names = new Set([
    ...facts.quotas.keys(),
    ...products.map((p) => p.domain),
    ...facts.domainCosts.map((c) => c.domain),
  ]);
  const today = facts.toDay;
  return [...names].sort(byName).map((domain) => {
    const own = products.filter((p) => p.domain === domain);
    const costs = facts.domainCosts.filter((c) => c.domain === domain);
    const quotas = facts.quotas.get(domain) ?? {};
    const storageBytes = own.reduce((sum, p) => sum + p.storageBytes, 0);
    const queryTimeTodayMs = costs.filter((c) => c.day === today).reduce((sum, c) => sum + c.durationMs, 0);
    const overQuota: QuotaName[] = [];
    if (quotas.queryTimePerDayMs !== undefined && queryTimeTodayMs >= quotas.queryTimePerDayMs)
      overQuota.push('queryTimePerDay');
    if (quotas.storageBytes !== undefined && storageBytes >= quotas.storageBytes)
      overQuota.push('storageBytes');
    return {
      domain,
      products: own.length,
      storageBytes,
      queries: costs.reduce((sum, c) => sum + c.queries, 0),
      queryTimeMs: costs.reduce((sum, c) => sum + c.durationMs, 0),
      bytesScanned: costs.reduce((sum, c) => sum + c.bytesScanned, 0),
      pipelineRuns: own.reduce((sum, p) => sum + p.pipelineRuns, 0),
      pipelineMs: own.reduce((sum, p) => sum + p.pipelineMs, 0),
      quotas,
      queryTimeTodayMs,
      overQuota,
    };
  });
}

function consumerCosts(facts: CostFacts): ConsumerCost[] {
  const names = [...new Set(facts.consumerCosts.map((c) => c.consumer))].sort(byName);
  return names.map((consumer) => {
    const own = facts.consumerCosts.filter((c) => c.consumer === consumer);
    const reads = facts.domainCosts.filter((c) => c.consumer === consumer);
    const queries = sumBy(
      reads,
      (c) => c.domain,
      (c) => c.queries,
    );
    const time = sumBy(
      reads,
      (c) => c.domain,
      (c) => c.durationMs,
    );
    const bytes = sumBy(
      reads,
      (c) => c.domain,
      (c) => c.bytesScanned,
    );
    return {
      consumer,
      queries: own.reduce((sum, c) => sum + c.queries, 0),
      queryTimeMs: own.reduce((sum, c) => sum + c.durationMs, 0),
      bytesScanned: own.reduce((sum, c) => sum + c.bytesScanned, 0),
      rows: own.reduce((sum, c) => sum + c.rows, 0),
      domains: [...queries.keys()].sort(byName).map((domain) => ({
        domain,
        queries: queries.get(domain) ?? 0,
        queryTimeMs: time.get(domain) ?? 0,
        bytesScanned: bytes.get(domain) ?? 0,
      })),
    };
  });
}

/** The report by `view`. */
export function costReport(view: CostView, facts: CostFacts): CostReport {
  const head = { from: facts.fromDay, to: facts.toDay, generatedAt: facts.now.toISOString() };
  switch (view) {
    case 'domain':
      return { ...head, by: 'domain', rows: domainCosts(facts) };
    case 'product':
      return { ...head, by: 'product', rows: productCosts(facts) };
    case 'consumer':
      return { ...head, by: 'consumer', rows: consumerCosts(facts) };
  }
}
