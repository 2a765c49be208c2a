import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, MeshplaneError } from '../../errors/index.js';
import type { SqlDialectName } from '../../spec/export/index.js';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportContract,
  SQL_DIALECT_NAMES,
} from '../../spec/export/index.js';
import { DEFAULT_LOAD_LIMITS } from '../../spec/load/limits.js';
import { analyzeWorkspace } from '../../spec/validate/index.js';
import { readBounded } from '../../workspace/read-documents.js';
import type { CommandModule } from '../command.js';
import { formatReportText } from '../output/format-text.js';
import { parseFormat } from './validate.js';

interface ExportFlags {
  readonly format: ExportFormat;
  readonly dialect: SqlDialectName;
  readonly schemaObject?: string;
  readonly contentModel: 'open' | 'closed';
  readonly lenient: boolean;
  readonly output?: string;
}

/**
 * `meshplane export FILE --format ...`: an ODCS contract as JSON Schema, Avro or SQL DDL. The
 * contract is validated first; an invalid one is reported like `validate` does and nothing is written.
 */
export const exportCommand: CommandModule = (program, io, setExit) => {
  program
    .command('export')
    .description('convert an ODCS contract to JSON Schema, Avro or SQL DDL')
    .argument('<file>', 'the contract (*.odcs.yaml)')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(', '), parseFormat(EXPORT_FORMATS))
    .option(
      '--dialect <dialect>',
      `for sql-ddl: ${SQL_DIALECT_NAMES.join(', ')}`,
      parseFormat(SQL_DIALECT_NAMES),
      'duckdb',
    )
    .option('--schema-object <name>', 'for jsonschema and avro: the schema object (default: the first)')
    .option(
      '--content-model <model>',
      'for jsonschema: open or closed objects',
      parseFormat(['open', 'closed'] as const),
      'open',
    )
    .option('--lenient', 'accept a contract whose schema findings are only warnings under --lenient', false)
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (file: string, flags: ExportFlags) => {
      const absolute = path.resolve(io.cwd, file);
      const source = await readBounded(
        absolute,
        path.relative(io.cwd, absolute) || absolute,
        DEFAULT_LOAD_LIMITS.maxBytes,
      );
      if (source.readError !== undefined)
        throw new MeshplaneError('INVALID_INPUT', `cannot read ${file}: ${source.readError}`);
      const { report, entries } = analyzeWorkspace([source], { lenient: flags.lenient });
      const result = report.files[0];
      if (result === undefined || report.summary.errors > 0) {
        io.stderr(
          formatReportText(report, { color: io.isTTY, source: () => new TextDecoder().decode(source.bytes) }),
        );
        setExit(EXIT.FINDINGS);
        return;
      }
      const parsed = entries.get(source.file)?.parsed;
      if (parsed?.kind !== 'DataContract') {
        throw new MeshplaneError('INVALID_INPUT', `${file} is a ${result.kind}, not an ODCS data contract`);
      }
      const contract = parsed.model;
      const text = exportContract(contract, flags.format, {
        dialect: flags.dialect,
        contentModel: flags.contentModel,
        ...(flags.schemaObject === undefined ? {} : { schemaObject: flags.schemaObject }),
      });
      if (flags.output === undefined) io.stdout(text);
      else await writeFile(path.resolve(io.cwd, flags.output), text);
      setExit(EXIT.OK);
    });
};
