/**
 * `meshplane check` in-process against a listening app: each rule's verdict, measured value and
 * threshold, masked samples, not-run reasons, JSON output, and the exit codes.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import type { ProductQualityCheck } from '../../src/quality/runs/index.js';
import { openQualityStack, PRODUCT, type QualityStack } from './support/quality-workspace.js';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: process.cwd(),
    isTTY: false,
  };
  const status = await main(['node', 'meshplane', ...args], io);
  return { status, stdout, stderr };
}

describe('meshplane check', () => {
  let s: QualityStack;

  beforeAll(async () => {
    s = await openQualityStack();
    const run = await s.runtime.runProduct(s.product, { trigger: 'manual' });
    expect(run.ok, JSON.stringify(run.transforms)).toBe(true);
  });

  afterAll(async () => {
    await s?.close();
    if (s !== undefined) rmSync(s.root, { recursive: true, force: true });
  });

  it('prints every rule of every port and exits 1 when a rule of severity error failed', async () => {
    const out = await cli(['check', PRODUCT, '--server', s.url]);
    expect(out.status, out.stderr).toBe(1);
    const text = out.stdout;
    expect(text).toContain(`${PRODUCT}/orders v1.0.0: failed`);
    expect(text).toContain('3 passed, 2 failed, 1 not run, 0 error(s)');
    expect(text).toMatch(/FAILED +email_present {2}\[error\]\n +measured 2 rows, mustBe 0/);
    expect(text).toMatch(/FAILED +status_known {2}\[warning\]\n +measured 1 rows, mustBe 0/);
    expect(text).toMatch(/passed +orders\.rowCount {2}\[error\]\n +measured 4 rows, mustBeGreaterThan 0/);
    expect(text).toContain('failing rows (masked: email):');
    expect(text).toMatch(/3 \| \*\*\* +\| lost/);
    expect(text).toMatch(/not run +orders\.custom/);
    expect(text).toContain("not run: a custom rule for engine 'soda' is run by that engine");
    expect(text).toContain(`${PRODUCT}/amounts v1.0.0: warning`);
    expect(text).toContain(`${PRODUCT}/plain v1.0.0: no quality rules`);
    expect(text).not.toContain('@example.com');
  });

  it('exits 0 for a port whose only failure is a warning', async () => {
    const out = await cli(['check', PRODUCT, '--port', 'amounts', '--server', s.url]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/FAILED +no_big_amounts {2}\[warning\]\n +measured 1, mustBe 0/);
    expect(out.stdout).not.toContain('/orders');
  });

  it('answers JSON with --format json, the same exit code, and the check kept as history', async () => {
    const out = await cli(['check', PRODUCT, '--port', 'orders', '--format', 'json', '--server', s.url]);
    expect(out.status).toBe(1);
    const parsed = JSON.parse(out.stdout) as ProductQualityCheck;
    expect(parsed.reports.map((r) => [r.key, r.trigger, r.state])).toEqual([['orders', 'manual', 'failed']]);
    const sample = parsed.reports[0]?.samples.find((x) => x.rule === 'status_known');
    expect(sample?.rows).toEqual([{ id: 3, email: '***', status: 'lost', amount: 30 }]);
    const [latest] = await s.store.listQualityRuns({ productId: PRODUCT, port: 'orders', limit: 1 });
    expect(latest?.id).toBe(parsed.reports[0]?.id);
  });

  it('exits 2 naming what is unknown, and 3 when the server cannot be reached', async () => {
    const product = await cli(['check', 'sales.nothing', '--server', s.url]);
    expect(product.status).toBe(2);
    expect(product.stderr).toContain("no deployed product 'sales.nothing'");
    const port = await cli(['check', PRODUCT, '--port', 'nope', '--server', s.url]);
    expect(port.status).toBe(2);
    expect(port.stderr).toContain("no output port 'nope'");
    const down = await cli(['check', PRODUCT, '--server', 'http://127.0.0.1:1']);
    expect(down.status).toBe(3);
    expect(down.stderr).toContain('cannot reach the Meshplane server');
  });
});
