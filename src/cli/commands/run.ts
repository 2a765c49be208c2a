import { EXIT } from '../../errors/index.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';
import { formatTable } from '../output/format-rows.js';

interface RunResult {
  readonly runs: readonly {
    readonly port: string;
    readonly status: string;
    readonly rowsIn: number;
    readonly rowsOut: number;
    readonly durationMs: number;
    readonly error?: string;
  }[];
}

/** `meshplane run PRODUCT`: ingest new input and rebuild the product's output ports now. */
export const runCommand: CommandModule = (program, io, setExit) => {
  program
    .command('run')
    .description("ingest a product's new input and rebuild its output ports now")
    .argument('<product>', 'the product id, e.g. orders.orders')
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .action(async (product: string, flags: { server?: string }) => {
      const response = await callApi(
        serverUrl(flags.server),
        `/api/v1/products/${encodeURIComponent(product)}/runs`,
        {
          method: 'POST',
          body: { trigger: 'manual' },
        },
      );
      const result = (await response.json()) as RunResult;
      io.stdout(
        formatTable(
          ['port', 'status', 'rows in', 'rows out', 'ms', 'error'],
          result.runs.map((r) => ({
            port: r.port,
            status: r.status,
            'rows in': r.rowsIn,
            'rows out': r.rowsOut,
            ms: r.durationMs,
            error: r.error ?? null,
          })),
        ),
      );
      setExit(result.runs.some((r) => r.status !== 'succeeded') ? EXIT.FINDINGS : EXIT.OK);
    });
};
