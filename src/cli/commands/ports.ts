import type { Command } from 'commander';
import { EXIT } from '../../errors/index.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';
import { formatTable } from '../output/format-rows.js';
import { parseFormat } from './validate.js';

interface PortsFlags {
  readonly server?: string;
  readonly format: 'table' | 'json';
}

interface PortView {
  readonly port: string;
  readonly kind: string;
  readonly streamed: boolean;
  readonly status: {
    readonly state: string;
    readonly reason?: string;
    readonly lag?: number;
    readonly lagUnit?: string;
    readonly since: string;
  };
  readonly counters?: {
    readonly accepted: number;
    readonly duplicates: number;
    readonly quarantined: number;
    readonly batches: number;
    readonly lastCommitAt?: string;
  };
}

function row(view: PortView) {
  const lag =
    view.status.lag === undefined
      ? ''
      : `${view.status.lag}${view.status.lagUnit ? ` ${view.status.lagUnit}` : ''}`;
  return {
    port: view.port,
    kind: view.kind,
    state: view.status.state,
    accepted: view.counters?.accepted ?? '',
    duplicates: view.counters?.duplicates ?? '',
    quarantined: view.counters?.quarantined ?? '',
    lag,
    'last commit': view.counters?.lastCommitAt ?? '',
    reason: view.status.reason ?? '',
  };
}

/**
 * `meshplane ports PRODUCT`: the state of a product's input ports and what each streamed port
 * stored; `meshplane ports pause|resume PRODUCT PORT` stops and restarts a streamed port.
 */
export const portsCommand: CommandModule = (program, io, setExit) => {
  const serverOption = [
    '--server <url>',
    'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)',
  ] as const;
  const ports = program
    .command('ports')
    .description("show a product's input ports: state, lag and what streamed ports stored")
    .argument('<product>', 'the product id, e.g. sales.orders')
    .option(...serverOption)
    .option('--format <format>', 'table or json', parseFormat(['table', 'json'] as const), 'table')
    .action(async (product: string, flags: PortsFlags) => {
      const response = await callApi(
        serverUrl(flags.server),
        `/api/v1/products/${encodeURIComponent(product)}/ports`,
      );
      const result = (await response.json()) as { ports: PortView[] };
      if (flags.format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else
        io.stdout(
          formatTable(
            [
              'port',
              'kind',
              'state',
              'accepted',
              'duplicates',
              'quarantined',
              'lag',
              'last commit',
              'reason',
            ],
            result.ports.map(row),
          ),
        );
      setExit(EXIT.OK);
    });
  for (const action of ['pause', 'resume'] as const) {
    ports
      .command(action)
      .description(action === 'pause' ? 'pause a streamed input port' : 'resume a paused input port')
      .argument('<product>', 'the product id')
      .argument('<port>', 'the input port')
      .option(...serverOption)
      .action(async (product: string, port: string, _flags: unknown, command: Command) => {
        // `--server` may be parsed by `ports` itself, before or after the subcommand.
        const { server } = command.optsWithGlobals<{ server?: string }>();
        const response = await callApi(
          serverUrl(server),
          `/api/v1/products/${encodeURIComponent(product)}/ports/${encodeURIComponent(port)}/${action}`,
          { method: 'POST' },
        );
        const view = (await response.json()) as PortView;
        io.stdout(`${product} ${view.port}: ${view.status.state}\n`);
        setExit(EXIT.OK);
      });
  }
};
