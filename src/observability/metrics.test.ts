import { describe, expect, it } from 'vitest';
import { samplesOf, sampleValue } from '../../test/observability/exposition.js';
import { createMetrics } from './metrics.js';

const scrape = async (metrics: ReturnType<typeof createMetrics>) => (await metrics.scrape()).body;

describe('the metrics registry', () => {
  it('serves the Prometheus text format with the families typed and described', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const { contentType, body } = await metrics.scrape();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('# TYPE meshplane_http_requests_total counter');
    expect(body).toContain('# TYPE meshplane_http_request_duration_seconds histogram');
    expect(body).toContain('# TYPE meshplane_ingest_port_state gauge');
    expect(body).toContain('# HELP meshplane_queries_total SQL queries over the mesh');
    expect(body).not.toContain('process_cpu');
  });

  it('keeps each server apart: two registries never share a count', async () => {
    const a = createMetrics({ processMetrics: false });
    const b = createMetrics({ processMetrics: false });
    a.queries.finished('succeeded', 5, 3);
    expect(sampleValue(await scrape(a), 'meshplane_queries_total', { outcome: 'succeeded' })).toBe(1);
    expect(sampleValue(await scrape(b), 'meshplane_queries_total', { outcome: 'succeeded' })).toBeUndefined();
  });

  it('adds the process metrics to every registry that asks, without registering them twice', async () => {
    const a = await scrape(createMetrics());
    const b = await scrape(createMetrics());
    for (const body of [a, b]) {
      expect(body).toContain('# TYPE process_cpu_user_seconds_total counter');
      expect(body).toContain('nodejs_heap_size_used_bytes');
    }
  });
});

describe('HTTP metrics', () => {
  it('counts requests by method, route pattern and status code, and times them', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.http.observed('GET', '/api/v1/products/:id', 200, 12);
    metrics.http.observed('get', '/api/v1/products/:id', 200, 30);
    metrics.http.observed('POST', '/api/v1/query', 400, 2);
    metrics.http.observed('GET', undefined, 404, 1);
    metrics.http.observed('BREW', undefined, 404, 1);
    const body = await scrape(metrics);
    const product = { method: 'GET', route: '/api/v1/products/:id', status_code: '200' };
    expect(sampleValue(body, 'meshplane_http_requests_total', product)).toBe(2);
    expect(sampleValue(body, 'meshplane_http_requests_total', { route: '/api/v1/query' })).toBe(1);
    expect(sampleValue(body, 'meshplane_http_requests_total', { method: 'GET', route: 'unmatched' })).toBe(1);
    expect(sampleValue(body, 'meshplane_http_requests_total', { method: 'other', route: 'unmatched' })).toBe(
      1,
    );
    expect(sampleValue(body, 'meshplane_http_request_duration_seconds_count', product)).toBe(2);
    expect(sampleValue(body, 'meshplane_http_request_duration_seconds_sum', product)).toBeCloseTo(0.042);
    expect(
      sampleValue(body, 'meshplane_http_request_duration_seconds_bucket', { ...product, le: '0.025' }),
    ).toBe(1);
  });

  it('never throws on odd figures: a bad status is `_other`, a negative duration counts as 0', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.http.observed('GET', '/x', 42, -5);
    metrics.http.observed('GET', '/x', 200, Number.NaN);
    const body = await scrape(metrics);
    expect(sampleValue(body, 'meshplane_http_requests_total', { status_code: '_other' })).toBe(1);
    expect(sampleValue(body, 'meshplane_http_request_duration_seconds_sum', { status_code: '200' })).toBe(0);
  });
});

describe('ingestion metrics', () => {
  it('counts accepted, duplicate and quarantined records, batches and commit time per port', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const counts = { accepted: 8, duplicates: 1, quarantined: 2 };
    metrics.ingestion.committed('sales.orders', 'events', counts, 40);
    metrics.ingestion.committed('sales.orders', 'events', { accepted: 1, duplicates: 0, quarantined: 0 }, 4);
    metrics.ingestion.ingested('sales.orders', 'files', { accepted: 100, duplicates: 0, quarantined: 3 });
    const body = await scrape(metrics);
    const events = { product: 'sales.orders', port: 'events' };
    expect(sampleValue(body, 'meshplane_ingest_events_total', { ...events, result: 'accepted' })).toBe(9);
    expect(sampleValue(body, 'meshplane_ingest_events_total', { ...events, result: 'duplicate' })).toBe(1);
    expect(sampleValue(body, 'meshplane_ingest_events_total', { ...events, result: 'quarantined' })).toBe(2);
    expect(sampleValue(body, 'meshplane_ingest_batches_committed_total', events)).toBe(2);
    expect(sampleValue(body, 'meshplane_ingest_batch_commit_duration_seconds_count', events)).toBe(2);
    expect(sampleValue(body, 'meshplane_ingest_batch_commit_duration_seconds_sum', events)).toBeCloseTo(
      0.044,
    );
    const files = { product: 'sales.orders', port: 'files' };
    expect(sampleValue(body, 'meshplane_ingest_events_total', { ...files, result: 'accepted' })).toBe(100);
    expect(sampleValue(body, 'meshplane_ingest_events_total', { ...files, result: 'quarantined' })).toBe(3);
    expect(sampleValue(body, 'meshplane_ingest_batches_committed_total', files)).toBeUndefined();
  });

  it('ignores negative counts instead of throwing', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.ingestion.committed('p', 'q', { accepted: -3, duplicates: Number.NaN, quarantined: 1 }, 1);
    const body = await scrape(metrics);
    expect(sampleValue(body, 'meshplane_ingest_events_total', { result: 'accepted' })).toBe(0);
    expect(sampleValue(body, 'meshplane_ingest_events_total', { result: 'quarantined' })).toBe(1);
  });

  it('reads port state and lag at each scrape: one state set per port, lag under its unit', async () => {
    const metrics = createMetrics({ processMetrics: false });
    let ports = [
      {
        product: 'sales.orders',
        port: 'nats-in',
        status: { state: 'lagging', lag: 1500, lagUnit: 'messages' },
      },
      { product: 'sales.orders', port: 'cdc', status: { state: 'running', lag: 4096, lagUnit: 'bytes' } },
      { product: 'sales.orders', port: 'odd', status: { state: 'dreaming', lag: 3, lagUnit: 'furlongs' } },
    ];
    metrics.ingestion.readPorts(() => ports);
    let body = await scrape(metrics);
    const nats = { product: 'sales.orders', port: 'nats-in' };
    expect(sampleValue(body, 'meshplane_ingest_port_state', { ...nats, state: 'lagging' })).toBe(1);
    expect(sampleValue(body, 'meshplane_ingest_port_state', { ...nats, state: 'running' })).toBe(0);
    expect(
      samplesOf(body, 'meshplane_ingest_port_state').filter((s) => s.labels.port === 'nats-in'),
    ).toHaveLength(6);
    expect(sampleValue(body, 'meshplane_ingest_port_lag_messages', nats)).toBe(1500);
    expect(sampleValue(body, 'meshplane_ingest_port_lag_bytes', { port: 'cdc' })).toBe(4096);
    expect(sampleValue(body, 'meshplane_ingest_port_lag_bytes', nats)).toBeUndefined();
    // A state outside the closed set sets none of the states; an unknown unit exports no lag.
    const odd = samplesOf(body, 'meshplane_ingest_port_state').filter((s) => s.labels.port === 'odd');
    expect(odd.every((s) => s.value === 0)).toBe(true);
    expect(body).not.toContain('furlongs');

    ports = [{ product: 'sales.orders', port: 'cdc', status: { state: 'paused', lag: 0, lagUnit: 'bytes' } }];
    body = await scrape(metrics);
    expect(sampleValue(body, 'meshplane_ingest_port_state', { port: 'cdc', state: 'paused' })).toBe(1);
    expect(sampleValue(body, 'meshplane_ingest_port_lag_messages', nats)).toBeUndefined();
    expect(samplesOf(body, 'meshplane_ingest_port_state').some((s) => s.labels.port === 'nats-in')).toBe(
      false,
    );
  });

  it('scrapes cleanly when reading the ports throws', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.ingestion.readPorts(() => {
      throw new Error('product undeployed meanwhile');
    });
    const body = await scrape(metrics);
    expect(samplesOf(body, 'meshplane_ingest_port_state')).toEqual([]);
  });
});

describe('pipeline run metrics', () => {
  it('counts runs by product, port, kind and outcome; times all but skipped ones; sums rows written', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const run = { product: 'sales.orders', port: 'daily', kind: 'transform' as const };
    metrics.runs.finished({ ...run, outcome: 'succeeded', durationMs: 1200, rowsWritten: 50 });
    metrics.runs.finished({ ...run, outcome: 'failed', durationMs: 300, rowsWritten: 0 });
    metrics.runs.finished({ ...run, outcome: 'skipped', durationMs: 0, rowsWritten: 0 });
    metrics.runs.finished({
      ...run,
      port: 'raw',
      kind: 'ingest',
      outcome: 'succeeded',
      durationMs: 10,
      rowsWritten: 7,
    });
    const body = await scrape(metrics);
    for (const outcome of ['succeeded', 'failed', 'skipped'])
      expect(sampleValue(body, 'meshplane_pipeline_runs_total', { port: 'daily', outcome })).toBe(1);
    const transform = { product: 'sales.orders', kind: 'transform' };
    expect(sampleValue(body, 'meshplane_pipeline_run_duration_seconds_count', transform)).toBe(2);
    expect(sampleValue(body, 'meshplane_pipeline_run_duration_seconds_sum', transform)).toBeCloseTo(1.5);
    expect(sampleValue(body, 'meshplane_pipeline_rows_written_total', { port: 'daily' })).toBe(50);
    expect(sampleValue(body, 'meshplane_pipeline_rows_written_total', { port: 'raw', kind: 'ingest' })).toBe(
      7,
    );
  });
});

describe('quality and SLA metrics', () => {
  it('counts check verdicts by status; an unknown status counts as error, never as passed', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.quality.checked('sales.orders', [
      { status: 'passed' },
      { status: 'passed' },
      { status: 'failed' },
      { status: 'not_run' },
      { status: 'mystery' },
    ]);
    const body = await scrape(metrics);
    const q = (status: string) =>
      sampleValue(body, 'meshplane_quality_checks_total', { product: 'sales.orders', status });
    expect([q('passed'), q('failed'), q('not_run'), q('error')]).toEqual([2, 1, 1, 1]);
  });

  it('sets one SLA state per objective and forgets a product', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.quality.slaState('sales.orders', 'freshness', 'met');
    metrics.quality.slaState('sales.orders', 'freshness', 'breached');
    metrics.quality.slaState('sales.orders', 'availability', 'unknown');
    metrics.quality.slaState('crm.customers', 'freshness', 'met');
    let body = await scrape(metrics);
    const fresh = { product: 'sales.orders', objective: 'freshness' };
    expect(sampleValue(body, 'meshplane_sla_state', { ...fresh, state: 'breached' })).toBe(1);
    expect(sampleValue(body, 'meshplane_sla_state', { ...fresh, state: 'met' })).toBe(0);
    expect(sampleValue(body, 'meshplane_sla_state', { objective: 'availability', state: 'unknown' })).toBe(1);
    metrics.quality.forgetSla('sales.orders');
    body = await scrape(metrics);
    expect(samplesOf(body, 'meshplane_sla_state').map((s) => s.labels.product)).toEqual([
      'crm.customers',
      'crm.customers',
      'crm.customers',
    ]);
  });
});

describe('query metrics', () => {
  it('counts queries by outcome, times them and sums the rows returned', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.queries.finished('succeeded', 20, 100);
    metrics.queries.finished('succeeded', 5, 1);
    metrics.queries.finished('rejected', 1, 0);
    const body = await scrape(metrics);
    expect(sampleValue(body, 'meshplane_queries_total', { outcome: 'succeeded' })).toBe(2);
    expect(sampleValue(body, 'meshplane_queries_total', { outcome: 'rejected' })).toBe(1);
    expect(sampleValue(body, 'meshplane_query_duration_seconds_count', { outcome: 'succeeded' })).toBe(2);
    expect(sampleValue(body, 'meshplane_query_rows_returned_total')).toBe(101);
  });
});

describe('label bounds', () => {
  it('counts values past the budget under `_other` and cuts long ones', async () => {
    const metrics = createMetrics({ processMetrics: false, maxLabelValues: 2 });
    for (const product of ['a', 'b', 'c', 'd'])
      metrics.runs.finished({
        product,
        port: 'p',
        kind: 'transform',
        outcome: 'succeeded',
        durationMs: 1,
        rowsWritten: 1,
      });
    metrics.runs.finished({
      product: 'a',
      port: 'x'.repeat(500),
      kind: 'transform',
      outcome: 'failed',
      durationMs: 1,
      rowsWritten: 0,
    });
    const body = await scrape(metrics);
    const runs = samplesOf(body, 'meshplane_pipeline_runs_total');
    expect(new Set(runs.map((s) => s.labels.product))).toEqual(new Set(['a', 'b', '_other']));
    expect(sampleValue(body, 'meshplane_pipeline_runs_total', { product: '_other' })).toBe(2);
    // The port label's budget of 2 holds `p` and the cut name.
    expect(runs.find((s) => s.labels.outcome === 'failed')?.labels.port).toBe('x'.repeat(128));
  });
});
