import { CODES } from '../codes.js';
import { compareDiagnostics, countBySeverity, type Diagnostic, diagnostic } from '../diagnostic.js';
import type { LoadedDocument } from '../load/loaded-document.js';
import { runRules } from '../rules/index.js';
import type { WorkspaceEntry } from '../rules/rule.js';
import { type DocumentResult, type ValidateOptions, validateDocument } from './validate-document.js';
import type { FileResult, ValidationReport } from './validation-report.js';

export interface SourceFile {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Why the file could not be read, when it could not; it is then reported as `file-unreadable`. */
  readonly readError?: string;
}

export interface WorkspaceOptions extends ValidateOptions {
  /**
   * Which files to report on. The others are read only as context, so that references from a
   * reported file resolve (validating one product of a workspace still sees its neighbours).
   */
  readonly report?: (file: string) => boolean;
}

function unreadable(file: string, reason: string): DocumentResult {
  const finding = diagnostic({
    code: 'file-unreadable',
    severity: CODES['file-unreadable'].severity,
    message: `cannot read the file: ${reason}`,
    file,
    line: 1,
    column: 1,
  });
  const doc: LoadedDocument = {
    file,
    format: 'yaml',
    text: undefined,
    value: undefined,
    sourceMap: { locate: () => ({ line: 1, column: 1 }) },
    diagnostics: [finding],
  };
  return { detected: { kind: 'Unknown' }, diagnostics: [finding], entry: { doc, parsed: undefined } };
}

/**
 * Validates a set of documents as one workspace: every document on its own, then the semantic
 * rules across all of them (ids, references, cycles, owners, conventions). Pure: the caller reads
 * the files. Diagnostics are sorted by file, line and column.
 */
export function validateWorkspace(
  files: readonly SourceFile[],
  options: WorkspaceOptions = {},
): ValidationReport {
  return analyzeWorkspace(files, options).report;
}

/** What validateWorkspace computes, with the normalized documents by file for callers that go on to use them. */
export interface WorkspaceAnalysis {
  readonly report: ValidationReport;
  readonly entries: ReadonlyMap<string, WorkspaceEntry>;
}

export function analyzeWorkspace(
  files: readonly SourceFile[],
  options: WorkspaceOptions = {},
): WorkspaceAnalysis {
  const results = files.map((f) => ({
    file: f.file,
    ...(f.readError === undefined
      ? validateDocument(f.file, f.bytes, options)
      : unreadable(f.file, f.readError)),
  }));
  const entries: WorkspaceEntry[] = results.map((r) => r.entry);
  const byFile = new Map<string, Diagnostic[]>();
  for (const r of results) byFile.set(r.file, [...r.diagnostics]);
  for (const d of runRules(entries)) byFile.get(d.file)?.push(d);

  const wanted = options.report ?? (() => true);
  const reported: FileResult[] = results
    .filter((r) => wanted(r.file))
    .map((r) => {
      const diagnostics = (byFile.get(r.file) ?? []).sort(compareDiagnostics);
      return {
        file: r.file,
        kind: r.detected.kind,
        ...(r.detected.apiVersion === undefined ? {} : { apiVersion: r.detected.apiVersion }),
        valid: !diagnostics.some((d) => d.severity === 'error'),
        diagnostics,
      };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const counts = countBySeverity(reported.flatMap((r) => r.diagnostics));
  const valid = reported.filter((r) => r.valid).length;
  const report = {
    files: reported,
    summary: { files: reported.length, valid, invalid: reported.length - valid, ...counts },
  };
  return { report, entries: new Map(results.map((r) => [r.file, r.entry] as const)) };
}
