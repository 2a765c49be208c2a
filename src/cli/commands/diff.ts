import { Option } from 'commander';
import { diffContracts, formatChanges } from '../../compat/index.js';
import { EXIT } from '../../errors/index.js';
import type { CommandModule } from '../command.js';
import { readContractInput } from '../contract-input.js';
import { serverUrl } from '../http-client.js';
import { formatCompatReport } from '../output/format-compat.js';
import { formatReportText } from '../output/format-text.js';
import { compatReport } from './compat.js';

interface DiffFlags {
  readonly format: 'text' | 'json';
  readonly server?: string;
}

/**
 * `meshplane diff OLD NEW`: what changed between two versions of a contract, property by property,
 * and whether each change breaks consumers. Two JSON Schema files are compared both ways.
 */
export const diffCommand: CommandModule = (program, io, setExit) => {
  program
    .command('diff')
    .description('show what changed between two contract versions and what breaks consumers')
    .argument('<old>', 'the earlier version: a file or PRODUCT[/PORT]@VERSION')
    .argument('<new>', 'the later version: a file or PRODUCT[/PORT]@VERSION')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--server <url>', 'for registered versions (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .action(async (oldArg: string, newArg: string, flags: DiffFlags) => {
      const server = serverUrl(flags.server);
      const before = await readContractInput(oldArg, io.cwd, server);
      const after = await readContractInput(newArg, io.cwd, server);
      for (const input of [before, after]) {
        if (input.kind === 'invalid') {
          io.stderr(formatReportText(input.report, { color: io.isTTY, source: () => undefined }));
          setExit(EXIT.USAGE);
          return;
        }
      }
      if (before.kind === 'contract' && after.kind === 'contract') {
        const changes = diffContracts(before.side, after.side);
        io.stdout(
          flags.format === 'json'
            ? `${JSON.stringify({ changes }, null, 2)}\n`
            : formatChanges(changes, { color: io.isTTY }),
        );
      } else if (before.kind !== 'invalid' && after.kind !== 'invalid') {
        const report = compatReport([before, after], 'FULL', 'strict');
        io.stdout(
          flags.format === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : formatCompatReport(report, io.isTTY),
        );
      }
      setExit(EXIT.OK);
    });
};
