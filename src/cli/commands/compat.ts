import { Option } from 'commander';
import {
  COMPATIBILITY_MODES,
  type CompatibilityMode,
  type CompatReport,
  type ContractVersionSide,
  compareContracts,
  compareJsonSchemas,
  type RuleSet,
  type Schema,
} from '../../compat/index.js';
import { EXIT } from '../../errors/index.js';
import { customText } from '../../runtime/custom-properties.js';
import { contractToJsonSchema } from '../../spec/export/to-json-schema.js';
import type { CommandModule } from '../command.js';
import { type ContractInput, readContractInput } from '../contract-input.js';
import { serverUrl } from '../http-client.js';
import { formatCompatReport } from '../output/format-compat.js';
import { formatReportText } from '../output/format-text.js';

interface CompatFlags {
  readonly mode?: CompatibilityMode;
  readonly policy: RuleSet;
  readonly format: 'text' | 'json';
  readonly server?: string;
}

function asSchema(input: Exclude<ContractInput, { kind: 'invalid' }>): { label: string; schema: Schema } {
  return input.kind === 'json-schema'
    ? { label: input.label, schema: input.schema }
    : { label: input.side.label, schema: contractToJsonSchema(input.side.contract) as Schema };
}

/** The verdict on the last version against the ones before it (oldest first). */
export function compatReport(
  versions: readonly Exclude<ContractInput, { kind: 'invalid' }>[],
  mode: CompatibilityMode | undefined,
  policy: RuleSet,
): CompatReport {
  const candidate = versions.at(-1);
  if (candidate === undefined) throw new Error('no versions');
  const history = versions.slice(0, -1);
  if (versions.every((v) => v.kind === 'contract')) {
    const sides = versions.map((v) => (v as { side: ContractVersionSide }).side);
    const declared = customText(sides.at(-1)?.contract.customProperties ?? [], 'meshplane.compatibility');
    const chosen = mode ?? COMPATIBILITY_MODES.find((m) => m === declared?.toUpperCase()) ?? 'BACKWARD';
    return compareContracts(sides.at(-1) as ContractVersionSide, sides.slice(0, -1), chosen, policy);
  }
  return compareJsonSchemas(asSchema(candidate), history.map(asSchema), mode ?? 'BACKWARD', policy);
}

/**
 * `meshplane compat OLD... NEW`: is NEW compatible with the versions before it, under the mode
 * (the contract's `meshplane.compatibility`, else BACKWARD) and rule set? Exit 0 when it is, 1
 * when it is not, 2 for unusable input. For CI; the server applies the same check at deploy.
 */
export const compatCommand: CommandModule = (program, io, setExit) => {
  program
    .command('compat')
    .description('check that a new contract (or JSON Schema) version is compatible with the earlier ones')
    .argument('<versions...>', 'two or more versions, oldest first: files or PRODUCT[/PORT]@VERSION')
    .addOption(new Option('--mode <mode>', 'compatibility mode').choices(COMPATIBILITY_MODES))
    .addOption(new Option('--policy <policy>', 'rule set').choices(['strict', 'lenient']).default('strict'))
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--server <url>', 'for registered versions (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .action(async (args: string[], flags: CompatFlags) => {
      if (args.length < 2) {
        io.stderr('meshplane compat needs at least two versions: OLD NEW\n');
        setExit(EXIT.USAGE);
        return;
      }
      const server = serverUrl(flags.server);
      const inputs = [];
      for (const arg of args) {
        const input = await readContractInput(arg, io.cwd, server);
        if (input.kind === 'invalid') {
          io.stderr(formatReportText(input.report, { color: io.isTTY, source: () => undefined }));
          setExit(EXIT.USAGE);
          return;
        }
        inputs.push(input);
      }
      const report = compatReport(inputs, flags.mode, flags.policy);
      io.stdout(
        flags.format === 'json'
          ? `${JSON.stringify(report, null, 2)}\n`
          : formatCompatReport(report, io.isTTY),
      );
      setExit(report.compatible ? EXIT.OK : EXIT.FINDINGS);
    });
};
