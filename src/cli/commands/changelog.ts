import { Option } from 'commander';
import { EXIT } from '../../errors/index.js';
import type { PortChangelog } from '../../registry/changelog.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';

interface ChangelogFlags {
  readonly port?: string;
  readonly format: 'text' | 'json';
  readonly server?: string;
}

function render(log: PortChangelog): string {
  const lines = [log.subject];
  for (const v of log.versions) {
    const summary =
      v.changes.length === 0 ? 'first version' : `${v.changes.length} change(s), ${v.breaking} breaking`;
    lines.push(
      `  ${v.version.padEnd(10)} ${v.deployedAt.slice(0, 16).replace('T', ' ')}  product ${v.productVersion}  ${v.status}  ${summary}`,
    );
    for (const c of v.changes)
      lines.push(`      ${c.breaking ? 'breaking ' : ''}${c.type} ${c.path}: ${c.message}`);
  }
  return `${lines.join('\n')}\n`;
}

async function portNames(server: string, productId: string): Promise<string[]> {
  const response = await callApi(server, `/api/v1/products/${encodeURIComponent(productId)}`);
  const product = (await response.json()) as { outputPorts: readonly { name: string }[] };
  return [...new Set(product.outputPorts.map((p) => p.name))];
}

/** `meshplane changelog PRODUCT [--port P]`: the registered history of a product's contracts. */
export const changelogCommand: CommandModule = (program, io, setExit) => {
  program
    .command('changelog')
    .description("show the history of a product's contracts, with what changed in each version")
    .argument('<product>', 'the product id, e.g. orders.orders')
    .option('--port <port>', 'only this output port')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .action(async (productId: string, flags: ChangelogFlags) => {
      const server = serverUrl(flags.server);
      const ports = flags.port === undefined ? await portNames(server, productId) : [flags.port];
      const logs: PortChangelog[] = [];
      for (const port of ports) {
        const path = `/api/v1/products/${encodeURIComponent(productId)}/ports/${encodeURIComponent(port)}/versions`;
        logs.push((await (await callApi(server, path)).json()) as PortChangelog);
      }
      io.stdout(
        flags.format === 'json'
          ? `${JSON.stringify({ ports: logs }, null, 2)}\n`
          : logs.map(render).join('\n'),
      );
      setExit(EXIT.OK);
    });
};
