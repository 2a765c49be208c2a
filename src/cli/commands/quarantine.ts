import { EXIT } from '../../errors/index.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';
import { formatTable } from '../output/format-rows.js';
import { parseFormat, parsePositiveInt } from './validate.js';

interface QuarantineFlags {
  readonly server?: string;
  readonly port?: string;
  readonly limit: number;
  readonly format: 'table' | 'json';
}

interface QuarantineResult {
  readonly counts: Readonly<Record<string, number>>;
  readonly items: readonly {
    readonly port: string;
    readonly source: string;
    readonly position: string;
    readonly reason: string;
    readonly record: unknown;
    readonly quarantinedAt: string;
  }[];
}

/** `meshplane quarantine PRODUCT`: the records a product refused at its input ports, with the reason. */
export const quarantineCommand: CommandModule = (program, io, setExit) => {
  program
    .command('quarantine')
    .description("list the records a product's input ports refused, with the reason and the source position")
    .argument('<product>', 'the product id, e.g. orders.orders')
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .option('--port <name>', 'only this input port')
    .option('--limit <n>', 'at most this many records', parsePositiveInt, 100)
    .option('--format <format>', 'table or json', parseFormat(['table', 'json'] as const), 'table')
    .action(async (product: string, flags: QuarantineFlags) => {
      const query = new URLSearchParams({
        limit: String(flags.limit),
        ...(flags.port ? { port: flags.port } : {}),
      });
      const response = await callApi(
        serverUrl(flags.server),
        `/api/v1/products/${encodeURIComponent(product)}/quarantine?${query}`,
      );
      const result = (await response.json()) as QuarantineResult;
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        const counts = Object.entries(result.counts);
        io.stdout(
          counts.length === 0
            ? `${product}: nothing in quarantine\n`
            : `${product}: ${counts.map(([port, n]) => `${n} in ${port}`).join(', ')}\n`,
        );
        if (result.items.length > 0) {
          io.stdout(
            formatTable(
              ['port', 'source', 'position', 'reason'],
              result.items.map(({ port, source, position, reason }) => ({ port, source, position, reason })),
            ),
          );
        }
      }
      setExit(EXIT.OK);
    });
};
