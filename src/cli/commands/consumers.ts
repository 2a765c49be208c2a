import { Option } from 'commander';
import { EXIT } from '../../errors/index.js';
import type { PortConsumer } from '../../registry/port-consumers.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';

interface ConsumersFlags {
  readonly format: 'text' | 'json';
  readonly server?: string;
}

interface MigrationReport {
  readonly subject: string;
  readonly activeConsumerDays: number;
  readonly versions: readonly {
    readonly version: string;
    readonly major: number;
    readonly status: string;
    readonly sunset?: string;
    readonly servedAs: string;
    readonly consumers: readonly PortConsumer[];
  }[];
}

function render(report: MigrationReport): string {
  const lines = [`${report.subject} (active = read within ${report.activeConsumerDays} days)`];
  for (const v of report.versions) {
    const sunset = v.sunset === undefined ? '' : `, sunset ${v.sunset}`;
    lines.push(`  v${v.major} ${v.version}  ${v.status}${sunset}  (${v.servedAs})`);
    if (v.consumers.length === 0) lines.push('      no consumers');
    for (const c of v.consumers) {
      const usage =
        c.kind === 'query' ? `${c.reads} read(s), last ${c.lastReadAt}` : 'reads it as an input port';
      lines.push(`      ${c.active ? 'active  ' : 'inactive'} ${c.kind.padEnd(7)} ${c.name}  ${usage}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `meshplane consumers PRODUCT/PORT`: who still reads each served version (the migration report). */
export const consumersCommand: CommandModule = (program, io, setExit) => {
  program
    .command('consumers')
    .description(
      'show who reads each version of an output port (the migration report of a deprecated version)',
    )
    .argument('<port>', 'PRODUCT/PORT, e.g. orders.orders/order_lines')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .action(async (subject: string, flags: ConsumersFlags) => {
      const slash = subject.lastIndexOf('/');
      if (slash <= 0 || slash === subject.length - 1) {
        io.stderr(`expected PRODUCT/PORT, e.g. orders.orders/order_lines; got '${subject}'\n`);
        setExit(EXIT.USAGE);
        return;
      }
      const path = `/api/v1/products/${encodeURIComponent(subject.slice(0, slash))}/ports/${encodeURIComponent(subject.slice(slash + 1))}/consumers`;
      const report = (await (await callApi(serverUrl(flags.server), path)).json()) as MigrationReport;
      io.stdout(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : render(report));
      setExit(EXIT.OK);
    });
};
