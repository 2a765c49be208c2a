/**
 * Quality rules after every pipeline run and on demand, end to end on real DuckDB files and the
 * embedded control store: the run, the stored history linked to the run, masked samples, the
 * metrics, the listeners, the API, and the history bound.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortQualityReport } from '../../src/quality/runs/index.js';
import { sampleValue } from '../observability/exposition.js';
import { ORDERS_CSV, openQualityStack, PRODUCT, type QualityStack } from './support/quality-workspace.js';

const verdicts = (report: PortQualityReport | undefined) =>
  Object.fromEntries((report?.results ?? []).map((r) => [r.rule, r.status]));

describe('quality checks after a pipeline run', () => {
  let s: QualityStack;

  beforeAll(async () => {
    s = await openQualityStack({ historyLimit: 3 });
  });

  afterAll(async () => {
    await s?.close();
    if (s !== undefined) rmSync(s.root, { recursive: true, force: true });
  });

  it('checks each output port with rules after its transform; a failing rule does not fail the run', async () => {
    const result = await s.runtime.runProduct(s.product, { trigger: 'manual' });
    expect(result.ok).toBe(true);
    expect(result.transforms.map((t) => [t.port, t.status])).toEqual(
      expect.arrayContaining([
        ['orders', 'succeeded'],
        ['amounts', 'succeeded'],
        ['plain', 'succeeded'],
      ]),
    );
    // The port without rules is not checked; the other two are, once each.
    expect(s.heard.map((h) => h.port).sort()).toEqual(['amounts', 'orders']);
    expect(s.logged).toEqual([]);

    const orders = s.heard.find((h) => h.port === 'orders')?.report;
    expect(orders).toMatchObject({
      productId: PRODUCT,
      port: 'orders',
      major: 1,
      version: '1.0.0',
      key: 'orders',
      trigger: 'run',
      state: 'failed',
      counts: { passed: 3, failed: 2, notRun: 1, error: 0 },
    });
    expect(verdicts(orders)).toEqual({
      id_unique: 'passed',
      email_present: 'failed',
      status_known: 'failed',
      'orders.rowCount': 'passed',
      no_negative_amounts: 'passed',
      'orders.custom': 'not_run',
    });
    const email = orders?.results.find((r) => r.rule === 'email_present');
    expect(email).toMatchObject({ measured: 2, operator: 'mustBe', threshold: 0, severity: 'error' });
    const custom = orders?.results.find((r) => r.rule === 'orders.custom');
    expect(custom?.message).toContain("engine 'soda'");

    const amounts = s.heard.find((h) => h.port === 'amounts')?.report;
    expect(amounts?.state).toBe('warning');
    expect(verdicts(amounts)).toEqual({ 'amounts.rowCount': 'passed', no_big_amounts: 'failed' });
  });

  it('masks the classified column in samples of failing rows, never showing its values', async () => {
    const [orders] = await s.quality.history(PRODUCT, { port: 'orders', limit: 1 });
    const sample = orders?.samples.find((x) => x.rule === 'status_known');
    expect(sample).toEqual({
      rule: 'status_known',
      rows: [{ id: 3, email: '***', status: 'lost', amount: 30 }],
      masked: ['email'],
    });
    const nulls = orders?.samples.find((x) => x.rule === 'email_present');
    expect(nulls?.rows.map((r) => r.id)).toEqual([2, 4]);
    expect(nulls?.rows.every((r) => r.email === '***')).toBe(true);
    // No stored byte of the history holds an email, though the table does.
    const raw = JSON.stringify(await s.store.listQualityRuns({ productId: PRODUCT, limit: 100 }));
    expect(ORDERS_CSV).toContain('secret-carl@example.com');
    expect(raw).not.toContain('@example.com');
  });

  it('links each check run to its pipeline run and counts the verdicts in the metrics', async () => {
    const runs = await s.store.listRuns(PRODUCT, 20);
    const ordersRun = runs.find((r) => r.port === 'orders');
    expect(ordersRun?.status).toBe('succeeded');
    const [linked] = await s.store.listQualityRuns({
      productId: PRODUCT,
      runId: ordersRun?.id ?? '',
      limit: 5,
    });
    expect(linked?.port).toBe('orders');
    expect(linked?.state).toBe('failed');

    const text = await s.metrics.scrape();
    const count = (status: string) =>
      sampleValue(text.body, 'meshplane_quality_checks_total', { product: PRODUCT, status });
    expect(count('passed')).toBe(4);
    expect(count('failed')).toBe(3);
    expect(count('not_run')).toBe(1);
  });

  it('serves the latest report per port version, the history, and a check on demand', async () => {
    const latest = await s.app.inject(`/api/v1/products/${PRODUCT}/quality`);
    expect(latest.statusCode, latest.body).toBe(200);
    const body = latest.json() as { productId: string; reports: PortQualityReport[] };
    expect(body.reports.map((r) => [r.port, r.state])).toEqual([
      ['amounts', 'warning'],
      ['orders', 'failed'],
    ]);
    const orders = body.reports[1];
    expect(orders?.samples.find((x) => x.rule === 'status_known')?.rows).toEqual([
      { id: 3, email: '***', status: 'lost', amount: 30 },
    ]);
    expect(orders?.results.find((r) => r.rule === 'orders.rowCount')).toMatchObject({
      measured: 4,
      operator: 'mustBeGreaterThan',
      threshold: 0,
      unit: 'rows',
      path: ['schema', 0, 'quality', 0],
    });

    const check = await s.app.inject({
      method: 'POST',
      url: `/api/v1/products/${PRODUCT}/quality/check`,
      payload: { port: 'orders' },
    });
    expect(check.statusCode, check.body).toBe(200);
    const checked = check.json() as { reports: PortQualityReport[]; withoutRules: unknown[] };
    expect(checked.reports.map((r) => [r.port, r.trigger, r.state])).toEqual([
      ['orders', 'manual', 'failed'],
    ]);
    expect(checked.reports[0]).not.toHaveProperty('runId');
    expect(checked.withoutRules).toEqual([]);

    const all = await s.app.inject({
      method: 'POST',
      url: `/api/v1/products/${PRODUCT}/quality/check`,
      payload: {},
    });
    expect((all.json() as { withoutRules: unknown[] }).withoutRules).toEqual([
      { port: 'plain', major: 1, version: '1.0.0', key: 'plain' },
    ]);

    const history = await s.app.inject(`/api/v1/products/${PRODUCT}/quality/history?port=orders&limit=10`);
    expect(history.statusCode).toBe(200);
    const runs = (history.json() as { reports: PortQualityReport[] }).reports;
    expect(runs.map((r) => r.trigger)).toEqual(['manual', 'manual', 'run']);
    expect(runs.every((r) => r.port === 'orders')).toBe(true);
  });

  it('answers 404 for an unknown product or port and 400 for bad parameters', async () => {
    expect((await s.app.inject('/api/v1/products/sales.nothing/quality')).statusCode).toBe(404);
    const port = await s.app.inject({
      method: 'POST',
      url: `/api/v1/products/${PRODUCT}/quality/check`,
      payload: { port: 'nope' },
    });
    expect(port.statusCode).toBe(404);
    expect(port.json().error.message).toContain("no output port 'nope'");
    expect((await s.app.inject(`/api/v1/products/${PRODUCT}/quality/history?limit=0`)).statusCode).toBe(400);
    expect((await s.app.inject(`/api/v1/products/${PRODUCT}/quality/history?limit=abc`)).statusCode).toBe(
      400,
    );
    const extra = await s.app.inject({
      method: 'POST',
      url: `/api/v1/products/${PRODUCT}/quality/check`,
      payload: { port: 'orders', sql: 'drop table x' },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('keeps the history of each port version to its bound', async () => {
    for (let i = 0; i < 3; i++) await s.runtime.runProduct(s.product, { trigger: 'manual' });
    const orders = await s.store.listQualityRuns({ productId: PRODUCT, port: 'orders', limit: 100 });
    expect(orders).toHaveLength(3);
    expect(orders.every((r) => r.trigger === 'run')).toBe(true);
    expect(await s.store.listQualityRuns({ productId: PRODUCT, port: 'amounts', limit: 100 })).toHaveLength(
      3,
    );
  });

  it('a listener that throws is logged and does not fail the run or the other listeners', async () => {
    const heard = s.heard.length;
    const stop = s.quality.onQualityReport(() => {
      throw new Error('monitor down');
    });
    try {
      const result = await s.runtime.runProduct(s.product, { trigger: 'manual' });
      expect(result.ok).toBe(true);
      expect(s.heard.length).toBe(heard + 2);
      expect(s.logged.some((l) => l.includes('monitor down'))).toBe(true);
    } finally {
      stop();
    }
  });
});
