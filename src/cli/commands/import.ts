import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { EXIT, type ExitCode, MeshplaneError, toMeshplaneError } from '../../errors/index.js';
import {
  avroToOdcs,
  type Conversion,
  DDL_DIALECTS,
  type DdlDialect,
  dcsToOdcs,
  formatGaps,
  formatProposal,
  type ImportedTable,
  type ImportGap,
  jsonSchemaToOdcs,
  loadStructured,
  loadText,
  PASSWORD_ENV,
  parseConnectionUrl,
  proposeDomains,
  readImportTarget,
  redactUrl,
  renderYaml,
  type SourceEngine,
  sqlDdlToOdcs,
  syntaxDiagnostic,
  tablesToProducts,
  withoutPassword,
  writeImport,
} from '../../import/index.js';
import type { Diagnostic } from '../../spec/diagnostic.js';
import { DEFAULT_LOAD_LIMITS } from '../../spec/load/limits.js';
import { validateWorkspace } from '../../spec/validate/index.js';
import { resolveWorkspace } from '../../workspace/find-workspace.js';
import { suggestName } from '../../workspace/names.js';
import { readBounded } from '../../workspace/read-documents.js';
import type { CliIo } from '../cli-io.js';
import type { CommandModule } from '../command.js';
import { formatDiagnostic } from '../output/format-text.js';
import { parseFormat } from './validate.js';

type ReportFormat = 'text' | 'json';

/** Gaps listed in a converted contract's comment header; the report always lists them all. */
const MAX_HEADER_GAPS = 20;
type DocumentKind = 'dcs' | 'jsonschema' | 'avro' | 'sql-ddl';

interface DocumentFlags {
  readonly output?: string;
  readonly format: ReportFormat;
  readonly dialect?: DdlDialect;
}

interface TableFlags {
  readonly schema?: string;
  readonly database?: string;
  readonly domain?: string;
  readonly tables?: string;
  readonly proposeDomains: boolean;
  readonly dryRun: boolean;
  readonly workspace?: string;
  readonly format: ReportFormat;
}

/** The introspection functions of the engines, with the signatures the import relies on. */
type Introspect = (url: string, schemaOrDatabase: string) => Promise<ImportedTable[]>;

/** Loaded lazily: an import of documents never loads a database driver. */
async function introspector(engine: SourceEngine): Promise<Introspect> {
  if (engine === 'postgres') return (await import('../../engines/postgres/index.js')).introspectPostgres;
  return (await import('../../engines/mariadb/index.js')).introspectMariadb;
}

/** `orders.schema.json` → `orders`: the contract id and name of a converted file. */
function baseName(file: string): string {
  const name = path.basename(file).replace(/(\.schema)?\.(json|ya?ml|avsc|sql|ddl)$/i, '');
  return suggestName(name, '_') || 'imported';
}

function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], text: string | undefined): void {
  for (const d of diagnostics) {
    io.stderr(`${formatDiagnostic(d, { color: io.isTTY, source: () => text })}\n`);
  }
}

/** Reads and converts one document; located findings when it cannot be read, else the conversion. */
function convert(
  kind: DocumentKind,
  file: string,
  bytes: Uint8Array,
  dialect: DdlDialect,
): { conversion: Conversion } | { diagnostics: readonly Diagnostic[]; text: string | undefined } {
  const name = baseName(file);
  if (kind === 'sql-ddl') {
    const loaded = loadText(file, bytes);
    if (!loaded.ok) return loaded;
    const result = sqlDdlToOdcs(loaded.value, { dialect, name });
    return result.ok
      ? { conversion: result }
      : { diagnostics: [syntaxDiagnostic(file, result.error)], text: loaded.text };
  }
  const yaml = kind === 'dcs' || /\.ya?ml$/i.test(file);
  const loaded = loadStructured(file, bytes, yaml ? 'yaml' : 'json');
  if (!loaded.ok) return loaded;
  if (kind === 'dcs') return { conversion: dcsToOdcs(loaded.value) };
  if (kind === 'jsonschema') return { conversion: jsonSchemaToOdcs(loaded.value, { name }) };
  return { conversion: avroToOdcs(loaded.value, { name }) };
}

/**
 * `meshplane import dcs|jsonschema|avro|sql-ddl FILE`: one ODCS contract on standard output or in
 * --output. A file that cannot be read or parsed is reported with its location and nothing is
 * written. The report (what was written, every gap) goes to standard error while the contract
 * takes standard output, else to standard output.
 */
async function importDocument(
  kind: DocumentKind,
  file: string,
  flags: DocumentFlags,
  io: CliIo,
): Promise<ExitCode> {
  const absolute = path.resolve(io.cwd, file);
  const shown = path.relative(io.cwd, absolute) || absolute;
  const source = await readBounded(absolute, shown, DEFAULT_LOAD_LIMITS.maxBytes);
  if (source.readError !== undefined)
    throw new MeshplaneError('INVALID_INPUT', `cannot read ${file}: ${source.readError}`);
  const result = convert(kind, shown, source.bytes, flags.dialect ?? 'postgres');
  if (!('conversion' in result)) {
    printDiagnostics(io, result.diagnostics, result.text);
    return EXIT.FINDINGS;
  }
  const { document, gaps } = result.conversion;
  const header = [`Converted by \`meshplane import ${kind}\` from ${shown}.`];
  // The gaps stay next to the contract they concern, where the person reviewing it reads.
  if (gaps.length > 0)
    header.push(
      'Not carried over:',
      ...gaps.slice(0, MAX_HEADER_GAPS).map((g) => `- ${g.where}: ${g.message}`),
    );
  if (gaps.length > MAX_HEADER_GAPS)
    header.push(`- ... and ${gaps.length - MAX_HEADER_GAPS} more (see the command's report)`);
  const text = renderYaml(document, header);
  const output = flags.output === undefined ? undefined : path.resolve(io.cwd, flags.output);
  const outputShown = output === undefined ? undefined : path.relative(io.cwd, output) || output;
  const checkName = outputShown ?? `${baseName(document.id)}.odcs.yaml`;
  const check = validateWorkspace([{ file: checkName, bytes: new TextEncoder().encode(text) }]);
  const errors = (check.files[0]?.diagnostics ?? []).filter((d) => d.severity === 'error');
  if (output === undefined) io.stdout(text);
  else {
    await writeFile(output, text).catch((error: unknown) => {
      throw new MeshplaneError('INVALID_INPUT', `cannot write ${flags.output}: ${(error as Error).message}`);
    });
  }
  const report = output === undefined ? io.stderr : io.stdout;
  if (flags.format === 'json') {
    report(
      `${JSON.stringify({ source: shown, output: outputShown ?? null, contract: document.id, schemaObjects: document.schema.length, gaps, valid: errors.length === 0, diagnostics: errors }, null, 2)}\n`,
    );
  } else {
    const color = pc.createColors(io.isTTY);
    report(
      `${color.green('✔')} converted ${shown} to ${outputShown ?? 'standard output'}: contract ${color.bold(document.id)} (ODCS v3.1.0, ${document.schema.length} schema object${document.schema.length === 1 ? '' : 's'}, ${gaps.length} gap${gaps.length === 1 ? '' : 's'})\n`,
    );
    report(formatGaps(gaps));
    if (errors.length > 0) {
      report(`${color.red('✖')} the converted contract does not validate; fix it by hand:\n`);
      for (const d of errors) report(formatDiagnostic(d, { color: io.isTTY, source: () => text }));
    }
  }
  return errors.length === 0 ? EXIT.OK : EXIT.FINDINGS;
}

async function readTables(
  engine: SourceEngine,
  url: string,
  scope: string,
  only: string | undefined,
): Promise<ImportedTable[]> {
  let tables: ImportedTable[];
  try {
    tables = await (await introspector(engine))(url, scope);
  } catch (error) {
    // The engines never put the password in a message; this keeps it that way whatever happens.
    const failure = toMeshplaneError(error);
    throw new MeshplaneError(failure.code, withoutPassword(failure.message, url));
  }
  const wanted = only
    ?.split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (wanted !== undefined && wanted.length > 0) {
    const known = new Set(tables.map((t) => t.name));
    const missing = wanted.filter((t) => !known.has(t));
    if (missing.length > 0) {
      throw new MeshplaneError(
        'NOT_FOUND',
        `no table ${missing.join(', ')} in ${scope}; there are: ${[...known].sort().join(', ') || '(none)'}`,
      );
    }
    tables = tables.filter((t) => wanted.includes(t.name));
  }
  if (tables.length === 0) throw new MeshplaneError('NOT_FOUND', `${scope} has no tables to import`);
  return tables;
}

/**
 * `meshplane import postgres|mariadb URL ...`: one data product per table. With
 * --propose-domains it only prints the proposal (and a command per domain) and writes nothing.
 */
async function importTables(
  engine: SourceEngine,
  url: string,
  flags: TableFlags,
  io: CliIo,
): Promise<ExitCode> {
  const scopeFlag = engine === 'postgres' ? '--schema' : '--database';
  const scope = (engine === 'postgres' ? flags.schema : flags.database) as string;
  if (flags.proposeDomains && flags.domain !== undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      '--propose-domains only prints a proposal: drop --domain, or drop --propose-domains to import',
    );
  }
  if (!flags.proposeDomains && flags.domain === undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      '--domain is required: the domain the products go into (or --propose-domains to get a proposal)',
    );
  }
  const { connection, hadPassword } = parseConnectionUrl(
    url,
    engine,
    engine === 'postgres' ? scope : undefined,
  );
  const tables = await readTables(engine, url, scope, flags.tables);
  const color = pc.createColors(io.isTTY);
  if (flags.proposeDomains) {
    const proposal = proposeDomains(tables);
    const shownUrl = redactUrl(url);
    const command = (domain: string, names: readonly string[]) =>
      `meshplane import ${engine} '${shownUrl}' ${scopeFlag} ${scope} --domain ${domain} --tables ${names.join(',')}`;
    if (flags.format === 'json') io.stdout(`${JSON.stringify(proposal, null, 2)}\n`);
    else io.stdout(formatProposal(proposal, command));
    return EXIT.OK;
  }
  const root = await resolveWorkspace(io.cwd, flags.workspace);
  const target = await readImportTarget(root, flags.domain as string);
  const products = tablesToProducts({
    tables,
    connection,
    domain: target.domain,
    team: target.team,
    convention: target.convention,
  });
  const gaps: ImportGap[] = products.flatMap((p) => p.gaps);
  const written = flags.dryRun ? undefined : await writeImport(target, products);
  const passwordEnv = hadPassword ? PASSWORD_ENV[engine] : undefined;
  if (flags.format === 'json') {
    const body = {
      dryRun: flags.dryRun,
      domain: target.domain,
      domainAdded: written?.domainAdded ?? false,
      products: products.map((p) => ({
        table: p.table,
        productId: p.productId,
        folder: p.folder,
        files: p.files.map((f) => f.path),
        gaps: p.gaps,
      })),
      passwordEnv: passwordEnv ?? null,
    };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    return EXIT.OK;
  }
  const where = path.relative(io.cwd, root);
  const shown = (p: string) => (where === '' ? p : `${where}/${p}`);
  io.stdout(
    `${flags.dryRun ? 'Would import' : 'Imported'} ${products.length} table${products.length === 1 ? '' : 's'} into domain ${color.bold(target.domain)} (owner team ${target.team}):\n`,
  );
  for (const p of products) {
    io.stdout(`  ${color.bold(p.productId)} from ${p.table}\n`);
    for (const f of p.files) io.stdout(`    ${color.green(flags.dryRun ? '~' : '+')} ${shown(f.path)}\n`);
  }
  if (written?.domainAdded === true) {
    io.stdout(
      `\nDomain ${color.bold(target.domain)} was not in mesh.yaml: added it, owned by team ${target.team}.\n`,
    );
  }
  if (gaps.length > 0) io.stderr(formatGaps(gaps));
  if (passwordEnv !== undefined) {
    io.stdout(
      `\nThe password in the URL was used for this import only and written nowhere. Set ${passwordEnv} in the environment of \`meshplane run\` and \`meshplane serve\`: the source contracts read it from there.\n`,
    );
  }
  if (!flags.dryRun)
    io.stdout(
      `\nNext: ${color.cyan(`meshplane validate${where === '' ? '' : ` ${where}`}`)}, then run the products.\n`,
    );
  return EXIT.OK;
}

function documentSubcommand(
  parent: Command,
  kind: DocumentKind,
  what: string,
  run: (file: string, flags: DocumentFlags) => Promise<void>,
): Command {
  return parent
    .command(kind)
    .description(`convert ${what} to an ODCS v3.1.0 contract`)
    .argument('<file>', what)
    .option('--output <file>', 'write the contract to this file instead of standard output')
    .option('--format <format>', 'report as text or json', parseFormat(['text', 'json'] as const), 'text')
    .action(run);
}

function tableSubcommand(
  parent: Command,
  engine: SourceEngine,
  scope: { flag: string; what: string },
  run: (url: string, flags: TableFlags) => Promise<void>,
): Command {
  return parent
    .command(engine === 'postgres' ? 'postgres' : 'mariadb')
    .description(
      `turn the tables of a ${engine === 'postgres' ? 'PostgreSQL' : 'MariaDB / MySQL'} ${scope.what} into data products`,
    )
    .argument(
      '<url>',
      engine === 'postgres'
        ? 'postgres://user[:password]@host[:port]/database'
        : 'mysql://user[:password]@host[:port]/database',
    )
    .requiredOption(scope.flag, `the ${scope.what} whose tables to import`)
    .option('--domain <domain>', 'the domain the products go into')
    .option('--tables <names>', 'only these tables, comma-separated')
    .option('--propose-domains', 'print a domain proposal from the foreign keys, and write nothing', false)
    .option('--dry-run', 'show the files an import would write, and write nothing', false)
    .option('-w, --workspace <dir>', 'workspace root (default: the nearest folder above with a mesh.yaml)')
    .option('--format <format>', 'report as text or json', parseFormat(['text', 'json'] as const), 'text')
    .action(run);
}

/** `meshplane import ...`: see docs/import.md. */
export const importCommand: CommandModule = (program, io, setExit) => {
  const parent = program
    .command('import')
    .description(
      'turn existing tables and schema documents into data products and ODCS contracts (see docs/import.md)',
    );
  const documents: [DocumentKind, string][] = [
    ['dcs', 'a Data Contract Specification 1.x (or 0.9) file'],
    ['jsonschema', 'a JSON Schema file'],
    ['avro', 'an Avro schema (.avsc)'],
    ['sql-ddl', 'a SQL script of CREATE TABLE statements'],
  ];
  for (const [kind, what] of documents) {
    const sub = documentSubcommand(parent, kind, what, async (file, flags) => {
      setExit(await importDocument(kind, file, flags, io));
    });
    if (kind === 'sql-ddl') {
      sub.option(
        '--dialect <dialect>',
        `the script's SQL dialect: ${DDL_DIALECTS.join(', ')}`,
        parseFormat(DDL_DIALECTS),
        'postgres',
      );
    }
  }
  tableSubcommand(parent, 'postgres', { flag: '--schema <schema>', what: 'schema' }, async (url, flags) => {
    setExit(await importTables('postgres', url, flags, io));
  });
  tableSubcommand(
    parent,
    'mysql',
    { flag: '--database <database>', what: 'database' },
    async (url, flags) => {
      setExit(await importTables('mysql', url, flags, io));
    },
  );
};
