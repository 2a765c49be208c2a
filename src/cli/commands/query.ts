import { InvalidArgumentError } from 'commander';
import { EXIT } from '../../errors/index.js';
import type { CliIo } from '../cli-io.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';
import { formatTable, type Row } from '../output/format-rows.js';
import { parseFormat, parsePositiveInt } from './validate.js';

interface QueryFlags {
  readonly server?: string;
  readonly format: 'table' | 'json' | 'csv';
  readonly limit: number;
}

interface QueryResult {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly Row[];
  readonly truncated: boolean;
  readonly elapsedMs: number;
}

/** Deprecation warnings of the versions the query read (`Meshplane-Warning` headers), on stderr. */
function warn(io: CliIo, response: Response): void {
  const header = response.headers.get('meshplane-warning');
  if (header === null) return;
  // Several headers of one name arrive joined by ", "; each warning ends with its advice.
  for (const message of header.split(/, (?=[a-z0-9_.-]+\/)/i)) io.stderr(`warning: ${message}\n`);
}

/** `meshplane query "SQL"`: one SELECT over the mesh's products, through the server's query API. */
export const queryCommand: CommandModule = (program, io, setExit) => {
  program
    .command('query')
    .description(
      'run one SQL SELECT over the mesh (products are tables: domain.product or domain.product.port)',
    )
    .argument('<sql>', 'the query, in DuckDB SQL')
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .option(
      '--format <format>',
      'table, json or csv',
      parseFormat(['table', 'json', 'csv'] as const),
      'table',
    )
    .option('--limit <n>', 'at most this many rows', parsePositiveInt, 10_000)
    .action(async (sql: string, flags: QueryFlags) => {
      if (sql.trim() === '') throw new InvalidArgumentError('the query is empty');
      const server = serverUrl(flags.server);
      if (flags.format === 'csv') {
        const response = await callApi(server, '/api/v1/query', {
          body: { sql, format: 'csv', limit: flags.limit },
          accept: 'text/csv',
        });
        warn(io, response);
        io.stdout(await response.text());
        setExit(EXIT.OK);
        return;
      }
      const response = await callApi(server, '/api/v1/query', {
        body: { sql, format: 'json', limit: flags.limit },
      });
      warn(io, response);
      const result = (await response.json()) as QueryResult;
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        io.stdout(
          formatTable(
            result.columns.map((c) => c.name),
            result.rows,
          ),
        );
        if (result.truncated) io.stderr(`note: only the first ${flags.limit} rows are shown (--limit)\n`);
      }
      setExit(EXIT.OK);
    });
};
