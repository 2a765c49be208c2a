import { InvalidArgumentError } from 'commander';
import { EXIT } from '../../errors/index.js';
import { DEFAULT_LOAD_LIMITS } from '../../spec/load/limits.js';
import { validateWorkspace } from '../../spec/validate/index.js';
import { collectSources } from '../collect-sources.js';
import type { CommandModule } from '../command.js';
import { formatReportText } from '../output/format-text.js';

interface ValidateFlags {
  readonly format: 'text' | 'json';
  readonly lenient: boolean;
  readonly maxBytes: number;
}

export function parseFormat<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
  };
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

/** `meshplane validate [PATH...]`: the compiler of the mesh. Exit 1 on any error-severity finding. */
export const validateCommand: CommandModule = (program, io, setExit) => {
  program
    .command('validate')
    .description('check documents against their standard (ODCS, ODPS) and the workspace rules')
    .argument('[paths...]', 'files or folders (default: the workspace around the current folder)')
    .option('--format <format>', 'text or json', parseFormat(['text', 'json'] as const), 'text')
    .option('--lenient', 'report schema violations that leave a document usable as warnings', false)
    .option(
      '--max-bytes <n>',
      'largest document accepted, in bytes',
      parsePositiveInt,
      DEFAULT_LOAD_LIMITS.maxBytes,
    )
    .action(async (paths: string[], flags: ValidateFlags) => {
      const limits = { maxBytes: flags.maxBytes };
      const { sources, reported, workspaceRoot } = await collectSources(paths, io.cwd, limits.maxBytes);
      const report = validateWorkspace(sources, {
        lenient: flags.lenient,
        limits,
        report: (file) => reported.has(file),
      });
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        if (workspaceRoot === undefined && report.files.length > 0) {
          io.stderr(
            'note: no mesh.yaml found, so workspace rules (owners, domains, conventions) were not checked\n',
          );
        }
        if (report.files.length === 0) io.stderr(`note: no documents found in ${paths.join(', ') || '.'}\n`);
        const texts = new Map(sources.map((s) => [s.file, s.bytes] as const));
        const decoder = new TextDecoder();
        io.stdout(
          formatReportText(report, {
            color: io.isTTY,
            source: (file) => {
              const bytes = texts.get(file);
              return bytes === undefined || bytes.length > limits.maxBytes
                ? undefined
                : decoder.decode(bytes);
            },
          }),
        );
      }
      setExit(report.summary.errors > 0 ? EXIT.FINDINGS : EXIT.OK);
    });
};
