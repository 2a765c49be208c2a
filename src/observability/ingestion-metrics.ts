import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { LabelGuard } from './label-guard.js';
import { count, seconds } from './metric-values.js';

/** What one write stored (the shape of a stream sink's result and of an ingest run's counts). */
export interface IngestCounts {
  readonly accepted: number;
  readonly duplicates: number;
  readonly quarantined: number;
}

/** One input port's state as its supervisor reports it (the shape of a port view plus its product). */
export interface PortReading {
  readonly product: string;
  readonly port: string;
  readonly status: { readonly state: string; readonly lag?: number; readonly lagUnit?: string };
}

/** The states an input port can be in; each is a series of `meshplane_ingest_port_state`. */
export const PORT_STATES = ['starting', 'running', 'lagging', 'paused', 'failed', 'stopped'] as const;

/** Lag units sources report, each its own gauge so the unit is in the name. */
const LAG_UNITS = ['messages', 'bytes', 'seconds'] as const;

/** Seconds; one DuckDB transaction of a batch. */
const COMMIT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What ingestion records. */
export interface IngestionMetrics {
  /** One streamed batch committed on `product`'s input `port`, and how long its commit took. */
  committed(product: string, port: string, counts: IngestCounts, durationMs: number): void;
  /** Records stored by a run-based ingest (a file port's new files, a sql-table snapshot): no batch. */
  ingested(product: string, port: string, counts: IngestCounts): void;
  /**
   * Where port state and lag are read at each scrape. `read` must be cheap and synchronous (the
   * supervisor's in-memory view); a port no longer read is no longer exported.
   */
  readPorts(read: () => Iterable<PortReading>): void;
}

/** Registers the ingestion families in `registry`. */
export function createIngestionMetrics(registry: Registry, guard: LabelGuard): IngestionMetrics {
  let read: () => Iterable<PortReading> = () => [];
  const readings = (): PortReading[] => {
    try {
      return [...read()];
    } catch {
      // A product undeployed while being read: the next scrape sees a settled view.
      return [];
    }
  };
  const portLabels = (product: string, port: string) => ({
    product: guard.value('product', product),
    port: guard.value('port', port),
  });
  const events = new Counter({
    name: 'meshplane_ingest_events_total',
    help: 'Records stored by input ports, by product, port and result (accepted, duplicate, quarantined).',
    labelNames: ['product', 'port', 'result'] as const,
    registers: [registry],
  });
  const batches = new Counter({
    name: 'meshplane_ingest_batches_committed_total',
    help: 'Batches of streamed input committed (one transaction each), by product and port.',
    labelNames: ['product', 'port'] as const,
    registers: [registry],
  });
  const commit = new Histogram({
    name: 'meshplane_ingest_batch_commit_duration_seconds',
    help: 'Time to store one streamed batch durably (stage, validate, write, commit), by product and port.',
    labelNames: ['product', 'port'] as const,
    buckets: COMMIT_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'meshplane_ingest_port_state',
    help: `Streamed input port state: 1 for the state the port is in, 0 for the others (${PORT_STATES.join(', ')}).`,
    labelNames: ['product', 'port', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const r of readings()) {
        const labels = portLabels(r.product, r.port);
        for (const state of PORT_STATES) this.set({ ...labels, state }, r.status.state === state ? 1 : 0);
      }
    },
  });
  for (const unit of LAG_UNITS) {
    new Gauge({
      name: `meshplane_ingest_port_lag_${unit}`,
      help: `How far a streamed input port is behind its source, in ${unit}, as the source measures it.`,
      labelNames: ['product', 'port'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const r of readings()) {
          const lag = r.status.lag;
          if (r.status.lagUnit === unit && lag !== undefined && Number.isFinite(lag))
            this.set(portLabels(r.product, r.port), lag);
        }
      },
    });
  }
  const addEvents = (product: string, port: string, counts: IngestCounts) => {
    const labels = portLabels(product, port);
    events.inc({ ...labels, result: 'accepted' }, count(counts.accepted));
    events.inc({ ...labels, result: 'duplicate' }, count(counts.duplicates));
    events.inc({ ...labels, result: 'quarantined' }, count(counts.quarantined));
  };
  return {
    committed(product, port, counts, durationMs) {
      addEvents(product, port, counts);
      const labels = portLabels(product, port);
      batches.inc(labels);
      commit.observe(labels, seconds(durationMs));
    },
    ingested: addEvents,
    readPorts(next) {
      read = next;
    },
  };
}
