/** Query cost per UTC day, domain and consumer, and pipeline compute per product. */

/** The share of one query's cost that falls on one domain it read. */
export interface DomainQueryShare {
  readonly domain: string;
  /** Estimated bytes of the domain's tables the query read. */
  readonly bytesScanned: number;
}

/** One finished query, as the query path reports it. */
export interface QueryCostInput {
  readonly at: Date;
  /** The reading user, team or service account. */
  readonly consumer: string;
  /** Whole milliseconds from receiving the query to its last row. */
  readonly durationMs: number;
  /** Rows returned. */
  readonly rows: number;
  /** Estimated bytes of every table the query read. */
  readonly bytesScanned: number;
  /**
   * Every domain the query read, once each. Each domain is charged the query's whole time (and
   * its rows) and the bytes of its own tables.
   */
  readonly domains: readonly DomainQueryShare[];
}

/** What one consumer's queries cost in total over one UTC day. */
export interface ConsumerQueryCost {
  /** The UTC day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly consumer: string;
  readonly queries: number;
  readonly durationMs: number;
  readonly bytesScanned: number;
  readonly rows: number;
}

/** What one consumer's queries that read one domain cost it over one UTC day. */
export interface DomainQueryCost extends ConsumerQueryCost {
  readonly domain: string;
}

/** Narrows the cost lists to a range of UTC days (inclusive), and a domain or consumer. */
export interface QueryCostFilter {
  /** First UTC day, `YYYY-MM-DD`. */
  readonly fromDay: string;
  /** Last UTC day, `YYYY-MM-DD`. */
  readonly toDay: string;
  readonly domain?: string;
  readonly consumer?: string;
}

/** Pipeline compute of one product: its finished runs (ingests and transforms) and their summed time. */
export interface RunCompute {
  readonly productId: string;
  readonly runs: number;
  readonly durationMs: number;
}
