import { Option } from 'commander';
import { EXIT } from '../../errors/index.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';
import { formatTable } from '../output/format-rows.js';

interface SlaFlags {
  readonly format: 'text' | 'json';
  readonly server?: string;
}

interface Adherence {
  readonly adherence?: number;
  readonly coverage: number;
}

type Windows = Readonly<Record<'day' | 'week' | 'days30', Adherence>>;

interface Figure {
  readonly value: number;
  readonly unit: string;
}

interface SlaReport {
  readonly productId: string;
  readonly at: string;
  readonly state: string;
  readonly adherence: Windows;
  readonly ports: readonly {
    readonly port: string;
    readonly version: string;
    readonly state: string;
    readonly objectives: readonly {
      readonly id: string;
      readonly state: string;
      readonly message: string;
      readonly measured?: Figure;
      readonly limit?: Figure;
      readonly since?: string;
      readonly adherence: Windows;
    }[];
    readonly notEvaluated: readonly { readonly property: string; readonly reason: string }[];
  }[];
}

/** A share as a percentage with one decimal; `-` when nothing in the window was known. */
const percent = (a: Adherence) => (a.adherence === undefined ? '-' : `${(a.adherence * 100).toFixed(1)} %`);

function figure(f: Figure | undefined): string {
  if (f === undefined) return '';
  if (f.unit !== 'seconds') return `${f.value} %`;
  const s = Math.round(f.value);
  const parts: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const found = parts.find(([size]) => Math.abs(s) >= size) ?? [1, 's'];
  return `${Math.round((s / found[0]) * 10) / 10} ${found[1]}`;
}

function render(report: SlaReport): string {
  const a = report.adherence;
  const lines = [
    `${report.productId}: ${report.state} at ${report.at}`,
    `adherence: last day ${percent(a.day)}, week ${percent(a.week)}, 30 days ${percent(a.days30)}`,
  ];
  const rows = report.ports.flatMap((p) =>
    p.objectives.map((o) => ({
      port: `${p.port} ${p.version}`,
      objective: o.id,
      state: o.state,
      measured: figure(o.measured),
      limit: figure(o.limit),
      since: o.since ?? '',
      day: percent(o.adherence.day),
      week: percent(o.adherence.week),
      '30 days': percent(o.adherence.days30),
    })),
  );
  if (rows.length === 0) lines.push('no SLA objectives in the contracts of its output ports');
  let out = `${lines.join('\n')}\n`;
  if (rows.length > 0) {
    out += formatTable(
      ['port', 'objective', 'state', 'measured', 'limit', 'since', 'day', 'week', '30 days'],
      rows,
    );
    for (const p of report.ports) for (const o of p.objectives) out += `  ${p.port}/${o.id}: ${o.message}\n`;
  }
  for (const p of report.ports)
    for (const n of p.notEvaluated) out += `  ${p.port}: not evaluated: ${n.reason}\n`;
  return out;
}

/** `meshplane sla PRODUCT`: a product's SLA objectives, their state now and adherence. */
export const slaCommand: CommandModule = (program, io, setExit) => {
  program
    .command('sla')
    .description(
      "show a product's SLA objectives, their state now, and adherence over a day, a week and 30 days",
    )
    .argument('<product>', 'the product id, e.g. sales.orders')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .action(async (product: string, flags: SlaFlags) => {
      const response = await callApi(
        serverUrl(flags.server),
        `/api/v1/products/${encodeURIComponent(product)}/sla`,
      );
      const report = (await response.json()) as SlaReport;
      io.stdout(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : render(report));
      setExit(EXIT.OK);
    });
};
