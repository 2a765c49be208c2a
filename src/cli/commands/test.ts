import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import pc from 'picocolors';
import { EXIT, MeshplaneError } from '../../errors/index.js';
import { DEFAULT_LOAD_LIMITS } from '../../spec/load/limits.js';
import { type ValidationReport, validateWorkspace } from '../../spec/validate/index.js';
import type {
  ExpectedResult,
  InputTestResult,
  NamedRow,
  OutputTestResult,
  ProductTestReport,
  RowDifference,
  TestProgress,
} from '../../testing/index.js';
import type { CliIo } from '../cli-io.js';
import { collectSources } from '../collect-sources.js';
import type { CommandModule } from '../command.js';
import { formatReportText } from '../output/format-text.js';
import { renderQualityCheck } from './check.js';
import { parseFormat } from './validate.js';

interface TestFlags {
  readonly format: 'text' | 'json';
}

function paint(color: boolean) {
  const id = (s: string) => s;
  return color
    ? { red: pc.red, green: pc.green, dim: pc.dim, bold: pc.bold }
    : { red: id, green: id, dim: id, bold: id };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A cell for people: NULL spelled out, text with spaces or commas quoted, long text cut. */
function showCell(value: string | null): string {
  if (value === null) return 'NULL';
  const cut = value.length > 60 ? `${value.slice(0, 59)}…` : value;
  return cut === '' || /[\s,=]/.test(cut) ? JSON.stringify(cut) : cut;
}

function showRow(row: NamedRow): string {
  return Object.entries(row)
    .map(([k, v]) => `${k}=${showCell(v)}`)
    .join(', ');
}

function showDifference(d: RowDifference): string {
  switch (d.kind) {
    case 'missing':
      return `missing  ${showRow(d.row)}`;
    case 'extra':
      return `extra    ${showRow(d.row)}`;
    case 'changed':
      return `changed  ${showRow(d.key)}: ${d.cells
        .map((c) => `${c.column} expected ${showCell(c.expected)}, got ${showCell(c.actual)}`)
        .join('; ')}`;
  }
}

function showRecord(record: unknown): string {
  const text = JSON.stringify(record) ?? String(record);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

type Line = (ok: boolean, step: string, text: string, details?: readonly string[]) => void;

function inputLines(input: InputTestResult, line: Line): void {
  const from = `from ${input.sample}`;
  if (input.error !== undefined) {
    line(false, 'ingest', `${input.port} (${input.kind}): ${input.error}`, [from]);
    return;
  }
  const counts =
    input.rowsRejected === 0
      ? `${plural(input.rowsAccepted, 'row')} ${from}`
      : `${input.rowsAccepted} accepted, ${input.rowsRejected} rejected by the input contract, ${from}`;
  const details = input.rejected.flatMap((r) => [`row ${r.row}: ${r.reason}`, `  ${showRecord(r.record)}`]);
  if (input.rejected.length < input.rowsRejected)
    details.push(`(${input.rowsRejected - input.rejected.length} more rejected rows not shown)`);
  line(input.status === 'passed', 'ingest', `${input.port} (${input.kind}): ${counts}`, details);
}

function transformLine(output: OutputTestResult, line: Line): void {
  const rows = plural(output.rows, 'row');
  if (output.status === 'succeeded') line(true, 'transform', `${output.port}: ${rows}`);
  else if (output.status === 'view')
    line(true, 'transform', `${output.port}: a view over another version, ${rows}`);
  else if (output.status === 'not_built')
    line(true, 'transform', `${output.port}: no meshplane.transform, not built`);
  else line(false, 'transform', `${output.port}: ${output.status}: ${output.error ?? ''}`);
}

function differenceDetails(expected: Extract<ExpectedResult, { status: 'different' }>): string[] {
  const r = expected.rows;
  return [
    ...(expected.missingColumns.length > 0
      ? [`columns the file lacks: ${expected.missingColumns.join(', ')}`]
      : []),
    ...(expected.extraColumns.length > 0
      ? [`columns the contract does not have: ${expected.extraColumns.join(', ')}`]
      : []),
    ...expected.invalidCells.map(
      (c) => `row ${c.row}, ${c.column}: ${JSON.stringify(c.value)} is not a valid ${c.sqlType}`,
    ),
    ...r.differences.map(showDifference),
    ...(r.truncated ? ['(more differences not shown)'] : []),
  ];
}

function expectedLines(port: string, expected: ExpectedResult, line: Line): void {
  if (expected.status === 'not_run') {
    line(false, 'expected', `${port}: not compared with ${expected.file}: ${expected.reason}`);
  } else if (expected.status === 'equal') {
    line(true, 'expected', `${port}: ${plural(expected.rows, 'row')} as in ${expected.file}`);
  } else if (expected.status === 'different') {
    const r = expected.rows;
    const counts = [
      r.missingRows > 0 ? plural(r.missingRows, 'missing row') : '',
      r.extraRows > 0 ? plural(r.extraRows, 'extra row') : '',
      r.changedRows > 0 ? plural(r.changedRows, 'changed row') : '',
    ].filter((s) => s !== '');
    const what =
      counts.length === 0 ? 'differs' : `${counts.join(', ')} (rows matched on ${r.key.join(', ')})`;
    line(false, 'expected', `${port}: ${expected.file}: ${what}`, differenceDetails(expected));
  }
}

/** The report for people: a line per step, the details of what failed, then the quality rules. Pure. */
export function renderTestReport(
  report: ProductTestReport,
  validation: ValidationReport,
  color = false,
): string {
  const c = paint(color);
  const out: string[] = [
    `${c.bold(`test ${report.productId}`)} ${c.dim(`(${report.dir}), in a scratch DuckDB`)}`,
  ];
  let failed = 0;
  const line: Line = (ok, step, text, details = []) => {
    if (!ok) failed++;
    // An engine's message may span lines: its first line stays on the step's line.
    const [first = '', ...rest] = text.split('\n');
    out.push(`  ${ok ? c.green('ok  ') : c.red('FAIL')}  ${step.padEnd(9)}  ${first}`);
    for (const d of [...rest, ...details]) out.push(c.dim(`                   ${d}`));
  };
  const { files, warnings } = validation.summary;
  line(
    true,
    'validate',
    `${plural(files, 'document')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}`,
  );
  for (const input of report.inputs) inputLines(input, line);
  for (const output of report.outputs) {
    transformLine(output, line);
    expectedLines(output.port, output.expected, line);
  }
  for (const q of report.quality.reports) {
    const n = q.counts;
    const ok = q.state !== 'error' && q.state !== 'failed';
    line(
      ok,
      'quality',
      `${q.key}: ${q.state} (${n.passed} passed, ${n.failed} failed, ${n.notRun} not run, ${n.error} error(s))`,
    );
  }
  out.push('');
  if (report.quality.reports.length + report.quality.withoutRules.length > 0) {
    out.push(renderQualityCheck(report.quality, color).trimEnd());
    out.push('');
  }
  out.push(
    report.passed
      ? c.green(`passed: ${report.productId}`)
      : c.red(`FAILED: ${report.productId}, ${plural(failed, 'step')} failed`),
  );
  return `${out.join('\n')}\n`;
}

const DESCRIPTOR = /\.odps\.(ya?ml|json)$/;

/**
 * The folder to test: PATH itself, or the folder of a product descriptor named directly. It must
 * hold a descriptor (`*.odps.yaml`), so a folder of many products is refused before anything runs.
 */
async function productFolder(io: CliIo, target: string): Promise<string> {
  const absolute = path.resolve(io.cwd, target);
  const info = await stat(absolute).catch(() => undefined);
  if (info === undefined) throw new MeshplaneError('INVALID_INPUT', `no such file or folder: ${target}`);
  const dir = info.isDirectory() ? absolute : path.dirname(absolute);
  const names = await readdir(dir);
  if (!names.some((n) => DESCRIPTOR.test(n))) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${target}: no data product descriptor (*.odps.yaml) in this folder; give the folder of the product to test`,
    );
  }
  return dir;
}

/**
 * The product's documents validated exactly as `meshplane validate PRODUCT` does (its workspace
 * read as context, only its own documents reported), and the report as that command prints it.
 */
async function validateProduct(io: CliIo, productDir: string) {
  const maxBytes = DEFAULT_LOAD_LIMITS.maxBytes;
  const { sources, reported, workspaceRoot } = await collectSources([productDir], io.cwd, maxBytes);
  const validation = validateWorkspace(sources, {
    limits: { maxBytes },
    report: (file) => reported.has(file),
  });
  const texts = new Map(sources.map((s) => [s.file, s.bytes] as const));
  const decoder = new TextDecoder();
  const text = () =>
    formatReportText(validation, {
      color: io.isTTY,
      source: (file) => {
        const bytes = texts.get(file);
        return bytes === undefined || bytes.length > maxBytes ? undefined : decoder.decode(bytes);
      },
    });
  return { validation, workspaceRoot, text };
}

/** Progress on one status line of standard error, on a terminal only. */
function progressLine(io: CliIo): { show: (p: TestProgress) => void; clear: () => void } {
  if (!io.isTTY) return { show: () => undefined, clear: () => undefined };
  const words: Record<TestProgress['step'], string> = {
    load: 'loading the workspace',
    ingest: 'ingesting the sample of',
    transform: 'running the transform of',
    compare: 'comparing with the expected rows of',
    quality: 'checking the quality rules of',
  };
  return {
    show: (p) =>
      io.stderr(`\r\u001b[K${pc.dim(`${words[p.step]}${p.port === undefined ? '' : ` ${p.port}`}…`)}`),
    clear: () => io.stderr('\r\u001b[K'),
  };
}

/**
 * `meshplane test [PRODUCT]`: validates the product as `meshplane validate` does, then runs its
 * transforms on its sample input in a scratch DuckDB (src/testing/), compares each output port
 * with its expected rows and runs its quality rules. Exit 1 when anything failed.
 */
export const testCommand: CommandModule = (program, io, setExit) => {
  program
    .command('test')
    .description(
      "run a product's transforms on its sample input in a scratch DuckDB, compare the result with its expected rows and run its quality rules",
    )
    .argument('[product]', 'the product folder (default: the current folder)', '.')
    .option('--format <format>', 'text or json', parseFormat(['text', 'json'] as const), 'text')
    .action(async (target: string, flags: TestFlags) => {
      const productDir = await productFolder(io, target);
      const { validation, workspaceRoot, text: validationText } = await validateProduct(io, productDir);
      if (validation.summary.errors > 0) {
        if (flags.format === 'json') io.stdout(`${JSON.stringify({ passed: false, validation }, null, 2)}\n`);
        else {
          io.stdout(validationText());
          io.stderr('test stopped: the product does not validate\n');
        }
        setExit(EXIT.FINDINGS);
        return;
      }
      if (flags.format === 'text' && validation.summary.warnings > 0) io.stdout(validationText());

      const progress = progressLine(io);
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once('SIGINT', cancel);
      let report: ProductTestReport;
      try {
        // Loaded here: the runtime (DuckDB) is needed by this command only once it runs.
        const { testProduct } = await import('../../testing/test-product.js');
        report = await testProduct({
          productDir,
          workspaceRoot,
          display: (absolute) => path.relative(io.cwd, absolute) || '.',
          onProgress: progress.show,
          signal: controller.signal,
        });
      } finally {
        process.off('SIGINT', cancel);
        progress.clear();
      }
      if (flags.format === 'json') {
        const { productId, dir, passed, ...steps } = report;
        io.stdout(`${JSON.stringify({ productId, dir, passed, validation, ...steps }, null, 2)}\n`);
      } else {
        io.stdout(renderTestReport(report, validation, io.isTTY));
      }
      setExit(report.passed ? EXIT.OK : EXIT.FINDINGS);
    });
};
