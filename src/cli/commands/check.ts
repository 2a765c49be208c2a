import { Option } from 'commander';
import pc from 'picocolors';
import { EXIT, type ExitCode } from '../../errors/index.js';
import type { CheckResult } from '../../quality/checks/index.js';
import type { ProductQualityCheck } from '../../quality/runs/index.js';
import { isBlockingResult } from '../../quality/runs/index.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';
import { formatTable } from '../output/format-rows.js';

interface CheckFlags {
  readonly port?: string;
  readonly format: 'text' | 'json';
  readonly server?: string;
}

const LABEL: Readonly<Record<CheckResult['status'], string>> = {
  passed: 'passed',
  failed: 'FAILED',
  not_run: 'not run',
  error: 'ERROR',
};

function paint(color: boolean) {
  const id = (s: string) => s;
  return color
    ? { red: pc.red, yellow: pc.yellow, green: pc.green, dim: pc.dim }
    : { red: id, yellow: id, green: id, dim: id };
}

function threshold(value: CheckResult['threshold']): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

/** `measured 3 rows, mustBe 0` when the rule was measured or has an operand; else nothing. */
function measurement(r: CheckResult): string | undefined {
  const parts: string[] = [];
  if (r.measured !== undefined)
    parts.push(`measured ${r.measured}${r.unit === undefined ? '' : ` ${r.unit}`}`);
  if (r.operator !== undefined && r.threshold !== undefined)
    parts.push(`${r.operator} ${threshold(r.threshold)}`);
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** The answer of `POST /products/:id/quality/check` for people: each rule, its verdict and samples. Pure. */
export function renderQualityCheck(check: ProductQualityCheck, color = false): string {
  const c = paint(color);
  const lines: string[] = [];
  for (const report of check.reports) {
    const state =
      report.state === 'failed' || report.state === 'error'
        ? c.red(report.state)
        : report.state === 'warning'
          ? c.yellow(report.state)
          : report.state === 'passed'
            ? c.green(report.state)
            : report.state;
    lines.push(`${check.productId}/${report.key} v${report.version}: ${state}`);
    const n = report.counts;
    lines.push(c.dim(`  ${n.passed} passed, ${n.failed} failed, ${n.notRun} not run, ${n.error} error(s)`));
    if (report.error !== undefined) lines.push(`  ${c.red('the checks could not run:')} ${report.error}`);
    for (const r of report.results) {
      const label = LABEL[r.status].padEnd(7);
      const shown =
        r.status === 'passed'
          ? c.green(label)
          : r.status === 'not_run'
            ? c.dim(label)
            : isBlockingResult(r)
              ? c.red(label)
              : c.yellow(label);
      lines.push(`  ${shown}  ${r.rule}  [${r.severity}]`);
      const measured = measurement(r);
      if (measured !== undefined) lines.push(`           ${measured}`);
      lines.push(`           ${r.status === 'not_run' ? 'not run: ' : ''}${r.message}`);
      const sample = report.samples.find((s) => s.rule === r.rule);
      if (sample === undefined) continue;
      if (sample.error !== undefined)
        lines.push(`           failing rows could not be read: ${sample.error}`);
      if (sample.rows.length === 0) continue;
      const masked = sample.masked.length === 0 ? '' : ` (masked: ${sample.masked.join(', ')})`;
      lines.push(`           failing rows${masked}${sample.truncated === true ? ', cut to fit' : ''}:`);
      const columns = Object.keys(sample.rows[0] ?? {});
      for (const line of formatTable(columns, sample.rows).trimEnd().split('\n'))
        lines.push(`             ${line}`);
    }
  }
  for (const port of check.withoutRules)
    lines.push(c.dim(`${check.productId}/${port.key} v${port.version}: no quality rules`));
  if (lines.length === 0) lines.push(`${check.productId}: no output ports to check`);
  return `${lines.join('\n')}\n`;
}

/** FINDINGS when a rule of a blocking severity failed or errored, or a port's checks could not run. */
export function checkExitCode(check: ProductQualityCheck): ExitCode {
  const failed = check.reports.some((r) => r.state === 'error' || r.results.some(isBlockingResult));
  return failed ? EXIT.FINDINGS : EXIT.OK;
}

/** `meshplane check PRODUCT`: run a product's quality rules on the server now and show every verdict. */
export const checkCommand: CommandModule = (program, io, setExit) => {
  program
    .command('check')
    .description("run a deployed product's quality rules now and show each rule's verdict")
    .argument('<product>', 'the product id, e.g. sales.orders')
    .option('--port <port>', 'one output port (every served version), or one version such as orders@v2')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .action(async (product: string, flags: CheckFlags) => {
      const response = await callApi(
        serverUrl(flags.server),
        `/api/v1/products/${encodeURIComponent(product)}/quality/check`,
        { method: 'POST', body: flags.port === undefined ? {} : { port: flags.port } },
      );
      const check = (await response.json()) as ProductQualityCheck;
      io.stdout(
        flags.format === 'json' ? `${JSON.stringify(check, null, 2)}\n` : renderQualityCheck(check, io.isTTY),
      );
      setExit(checkExitCode(check));
    });
};
