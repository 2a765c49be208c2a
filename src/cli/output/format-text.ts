import { codeFrameColumns } from '@babel/code-frame';
import pc from 'picocolors';
import type { Diagnostic } from '../../spec/diagnostic.js';
import type { ValidationReport } from '../../spec/validate/index.js';

export interface TextOptions {
  readonly color: boolean;
  /** The text of a file, for code frames; undefined when it cannot be shown. */
  readonly source: (file: string) => string | undefined;
}

function paint(color: boolean) {
  const id = (s: string) => s;
  return color
    ? { red: pc.red, yellow: pc.yellow, cyan: pc.cyan, dim: pc.dim, bold: pc.bold, green: pc.green }
    : { red: id, yellow: id, cyan: id, dim: id, bold: id, green: id };
}

/** One diagnostic in the compiler form `file:line:column: error CODE message`, with hint and code frame. */
export function formatDiagnostic(d: Diagnostic, options: TextOptions): string {
  const c = paint(options.color);
  const severity =
    d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : 'info';
  let out = `${c.bold(`${d.file}:${d.line}:${d.column}`)}: ${severity} ${c.dim(d.code)} ${d.message}\n`;
  if (d.hint !== undefined) out += `  ${c.cyan('hint:')} ${d.hint}\n`;
  const text = options.source(d.file);
  if (text !== undefined && d.line >= 1) {
    const start = { line: d.line, column: d.column };
    const end =
      d.endLine !== undefined && d.endColumn !== undefined && d.endLine === d.line
        ? { line: d.endLine, column: d.endColumn }
        : undefined;
    const frame = codeFrameColumns(text, end === undefined ? { start } : { start, end }, {
      highlightCode: options.color,
      forceColor: options.color,
      linesAbove: 1,
      linesBelow: 1,
    });
    out += `${frame
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n')}\n`;
  }
  return out;
}

/** The whole report for a person: every finding, then one summary line. */
export function formatReportText(report: ValidationReport, options: TextOptions): string {
  const c = paint(options.color);
  let out = '';
  for (const file of report.files) {
    for (const d of file.diagnostics) out += `${formatDiagnostic(d, options)}\n`;
  }
  const { files, invalid, errors, warnings } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (errors > 0) {
    out += c.red(
      `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${invalid} of ${plural(files, 'file')}\n`,
    );
  } else {
    const tail = warnings > 0 ? ` (${plural(warnings, 'warning')})` : '';
    out += c.green(`✔ ${plural(files, 'file')} valid${tail}\n`);
  }
  return out;
}
