/**
 * Query cost accounting, the query-time quota check and the cost report, over the control store
 * and the product files: what the query path and the cost API call. The storage check is
 * storage-quota.ts (it needs no store). Knows nothing of the runtime: the server hands it the
 * deployed products and the quotas (src/server/mesh-costs.ts).
 */
import type { MeshplaneError } from '../../errors/index.js';
import type { ControlStore } from '../../store/index.js';
import { type CostReport, type CostView, costReport } from './cost-report.js';
import { limitsQueryTime, type QuotaTable } from './domain-quotas.js';
import { attributeQuery, type MeasuredQuery } from './query-attribution.js';
import { queryTimeRefusal } from './quota-refusal.js';
import { type CostProduct, productStorage } from './storage-usage.js';
import { dayRange, startOfDay, utcDay } from './utc-day.js';

/** What cost accounting reads and writes of the control store. */
export type CostStore = Pick<
  ControlStore,
  'recordQueryCost' | 'listDomainQueryCosts' | 'listConsumerQueryCosts' | 'listRunCompute'
>;

export interface CostBookOptions {
  readonly store: CostStore;
  /** The deployed products, with their domains and files. */
  readonly products: () => readonly CostProduct[];
  /** The domains' quotas as mesh.yaml sets them now. */
  readonly quotas: () => Promise<QuotaTable>;
  /** The current time (tests set it). */
  readonly now?: () => Date;
}

/** Longest report, in days. */
export const MAX_REPORT_DAYS = 366;

export class CostBook {
  readonly #options: CostBookOptions;
  readonly #now: () => Date;

  constructor(options: CostBookOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** Whether any domain has a query-time quota, so queries need checking at all. */
  async limitsQueryTime(): Promise<boolean> {
    return limitsQueryTime(await this.#options.quotas());
  }

  /**
   * The refusal for a query that reads `domains` when one of them has used its query time of
   * the current UTC day (the first such domain by name), else undefined.
   */
  async queryRefusal(domains: Iterable<string>): Promise<MeshplaneError | undefined> {
    const quotas = await this.#options.quotas();
    const now = this.#now();
    const today = utcDay(now);
    for (const domain of [...new Set(domains)].sort()) {
      const limit = quotas.get(domain)?.queryTimePerDayMs;
      if (limit === undefined) continue;
      const costs = await this.#options.store.listDomainQueryCosts({ fromDay: today, toDay: today, domain });
      const refusal = queryTimeRefusal(
        domain,
        limit,
        costs.reduce((sum, c) => sum + c.durationMs, 0),
        now,
      );
      if (refusal !== undefined) return refusal;
    }
    return undefined;
  }

  /** Adds a finished query to its consumer's and its domains' totals of the day (query-attribution.ts). */
  async recordQuery(query: Omit<MeasuredQuery, 'at'>): Promise<void> {
    await this.#options.store.recordQueryCost(attributeQuery({ ...query, at: this.#now() }));
  }

  /** The cost report by `view` over the last `days` UTC days, today included (1 to 366). */
  async report(view: CostView, days: number): Promise<CostReport> {
    const now = this.#now();
    const span = Math.min(MAX_REPORT_DAYS, Math.max(1, Math.floor(days)));
    const { fromDay, toDay } = dayRange(now, span);
    const { store } = this.#options;
    const [products, quotas, domainCosts, consumerCosts, runs] = await Promise.all([
      Promise.all(this.#options.products().map(productStorage)),
      this.#options.quotas(),
      store.listDomainQueryCosts({ fromDay, toDay }),
      store.listConsumerQueryCosts({ fromDay, toDay }),
      store.listRunCompute(startOfDay(fromDay)),
    ]);
    return costReport(view, { now, fromDay, toDay, products, quotas, domainCosts, consumerCosts, runs });
  }
}
