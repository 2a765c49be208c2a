/** Who reads which output port version: counted per consumer and major version. */

/** One read of an output port, as the query path reports it. */
export interface PortUsageInput {
  readonly productId: string;
  readonly port: string;
  /** The major version of the port that was read. */
  readonly major: number;
  /** The reading user, team or service account. */
  readonly consumer: string;
  /** Rows the read returned. */
  readonly rows: number;
  readonly at: Date;
}

/** What one consumer read of one major version of a port, in total. */
export interface PortUsage {
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  readonly consumer: string;
  readonly reads: number;
  readonly rows: number;
  readonly firstReadAt: string;
  readonly lastReadAt: string;
}

/** Narrows `listPortUsage` to a product, and optionally one port and major version. */
export interface PortUsageFilter {
  readonly productId: string;
  readonly port?: string;
  readonly major?: number;
}
