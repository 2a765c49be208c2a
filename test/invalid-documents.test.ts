/**
 * The validator against documents that are wrong in one realistic way each.
 *
 * `fixtures/invalid/` holds single documents, each validated alone. Each declares what it must
 * produce in its leading comments (JSON has no comments: a sidecar `<file>.expect` holds them):
 *
 *   # expect: <code> <line>:<column> [hint=<text the hint must contain>]
 *   # lenient: accept|reject   (optional; overrides the default, see LENIENT_USABLE)
 *
 * `fixtures/invalid-workspaces/<case>/` holds small workspaces, validated as a whole, with
 * `expect.yaml`: a list of `{ file, code, line, column, hint? }` (`[]` for a valid workspace).
 *
 * The error-severity diagnostics must be exactly the expected ones of error-severity codes (same
 * codes, same positions, nothing else); expected codes whose catalog severity is a warning must be
 * among the warnings; other warnings are free. Each fixture gets its own `it`, named after it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CODES, type DiagnosticCode } from '../src/spec/codes.js';
import type { Diagnostic } from '../src/spec/diagnostic.js';
import { type SourceFile, type ValidationReport, validateWorkspace } from '../src/spec/validate/index.js';

const SINGLE_DIR = fileURLToPath(new URL('./fixtures/invalid/', import.meta.url));
const WORKSPACE_DIR = fileURLToPath(new URL('./fixtures/invalid-workspaces/', import.meta.url));

/**
 * Mistakes that leave a document usable (an unknown field, a badly formatted string): lenient
 * mode may downgrade them to warnings. A case whose expected errors are all of these must be
 * accepted leniently; any other invalid case must still be rejected.
 */
const LENIENT_USABLE: ReadonlySet<string> = new Set(['schema-unknown-property', 'schema-format']);

interface Expected {
  readonly file: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
  /** Text the diagnostic's hint must contain. */
  readonly hint?: string;
}

interface Case {
  /** The fixture's name: a file of `invalid/` or a folder of `invalid-workspaces/`. */
  readonly name: string;
  readonly files: readonly SourceFile[];
  readonly expected: readonly Expected[];
  readonly lenient: 'accept' | 'reject';
}

const EXPECT_LINE = /^#\s*expect:\s*(\S+)\s+(\d+):(\d+)(?:\s+hint=(\S+))?\s*$/;
const LENIENT_LINE = /^#\s*lenient:\s*(accept|reject)\b/;

function isCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(CODES, code);
}

function severityOf(code: string): string {
  return isCode(code) ? CODES[code].severity : 'error';
}

function expectedErrors(c: Case): Expected[] {
  return c.expected.filter((e) => severityOf(e.code) === 'error');
}

function defaultLenient(expected: readonly Expected[]): 'accept' | 'reject' {
  const errors = expected.filter((e) => severityOf(e.code) === 'error');
  return errors.every((e) => LENIENT_USABLE.has(e.code)) ? 'accept' : 'reject';
}

function readSingleCase(name: string): Case {
  const bytes = readFileSync(join(SINGLE_DIR, name));
  const header = name.endsWith('.json')
    ? readFileSync(join(SINGLE_DIR, `${name}.expect`), 'utf8')
    : bytes.toString();
  const expected: Expected[] = [];
  let lenient: 'accept' | 'reject' | undefined;
  for (const line of header.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    const match = EXPECT_LINE.exec(line);
    if (match !== null) {
      const [, code = '', row = '', column = '', hint] = match;
      const at = { file: name, code, line: Number(row), column: Number(column) };
      expected.push(hint === undefined ? at : { ...at, hint });
      continue;
    }
    const override = LENIENT_LINE.exec(line);
    if (override !== null) lenient = override[1] === 'accept' ? 'accept' : 'reject';
  }
  if (expected.length === 0) throw new Error(`${name}: no "# expect: <code> <line>:<column>" header`);
  return { name, files: [{ file: name, bytes }], expected, lenient: lenient ?? defaultLenient(expected) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    })
    .sort();
}

function toExpected(item: unknown, where: string): Expected {
  const o: Record<string, unknown> = typeof item === 'object' && item !== null ? { ...item } : {};
  const { file, code, line, column, hint } = o;
  if (
    typeof file !== 'string' ||
    typeof code !== 'string' ||
    typeof line !== 'number' ||
    typeof column !== 'number'
  ) {
    throw new Error(`${where}: each entry needs file, code, line and column`);
  }
  const at = { file, code, line, column };
  return typeof hint === 'string' ? { ...at, hint } : at;
}

function readWorkspaceCase(name: string): Case {
  const root = join(WORKSPACE_DIR, name);
  const files = filesUnder(root)
    .map((path) => ({ file: relative(root, path).split(sep).join('/'), bytes: readFileSync(path) }))
    .filter((f) => f.file !== 'expect.yaml');
  const list: unknown = parse(readFileSync(join(root, 'expect.yaml'), 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${name}/expect.yaml: expected a list`);
  const expected = list.map((item) => toExpected(item, `${name}/expect.yaml`));
  return { name, files, expected, lenient: defaultLenient(expected) };
}

const singleCases = readdirSync(SINGLE_DIR)
  .filter((name) => !name.endsWith('.expect'))
  .sort()
  .map(readSingleCase);
const workspaceCases = readdirSync(WORKSPACE_DIR)
  .filter((name) => statSync(join(WORKSPACE_DIR, name)).isDirectory())
  .sort()
  .map(readWorkspaceCase);
const allCases = [...singleCases, ...workspaceCases];

function validate(c: Case, lenient = false): ValidationReport {
  return validateWorkspace(c.files, { lenient });
}

function diagnosticsOf(report: ValidationReport): Diagnostic[] {
  return report.files.flatMap((f) => f.diagnostics);
}

/** `file code line:column`, the form in which expected and actual findings are compared. */
function key(d: { file: string; code: string; line: number; column: number }): string {
  return `${d.file} ${d.code} ${d.line}:${d.column}`;
}

function keysOf(report: ValidationReport, severity: Diagnostic['severity']): string[] {
  return diagnosticsOf(report)
    .filter((d) => d.severity === severity)
    .map(key)
    .sort();
}

/** Every diagnostic is located in a file that was given, under that file, and says something. */
function expectWellFormed(report: ValidationReport, c: Case): void {
  const given = c.files.map((f) => f.file);
  expect(report.files.map((f) => f.file).sort()).toEqual([...given].sort());
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const where = key(d);
      expect(d.file, where).toBe(f.file);
      expect(d.line, where).toBeGreaterThanOrEqual(1);
      expect(d.column, where).toBeGreaterThanOrEqual(1);
      expect(d.message.trim(), where).not.toBe('');
      expect(isCode(d.code), where).toBe(true);
    }
  }
}

function expectFindings(report: ValidationReport, c: Case): void {
  expect(keysOf(report, 'error')).toEqual(expectedErrors(c).map(key).sort());
  const warnings = keysOf(report, 'warning');
  for (const e of c.expected.filter((x) => severityOf(x.code) === 'warning'))
    expect(warnings).toContain(key(e));
  for (const e of c.expected) {
    if (e.hint === undefined) continue;
    const found = diagnosticsOf(report).find((d) => key(d) === key(e));
    expect(found?.hint ?? '', `hint of ${key(e)}`).toContain(e.hint);
  }
}

describe('fixtures', () => {
  it('are as many as the suite promises', () => {
    expect(singleCases.length).toBeGreaterThanOrEqual(45);
    expect(workspaceCases.length).toBeGreaterThanOrEqual(10);
  });

  it('expect only codes the catalog defines', () => {
    const unknown = allCases.flatMap((c) => c.expected).filter((e) => !isCode(e.code));
    expect(unknown.map(key)).toEqual([]);
  });
});

describe('invalid single documents', () => {
  for (const c of singleCases) {
    it(c.name, () => {
      const report = validate(c);
      expectFindings(report, c);
      expectWellFormed(report, c);
    });
  }
});

describe('workspaces', () => {
  for (const c of workspaceCases) {
    it(c.name, () => {
      const report = validate(c);
      expectFindings(report, c);
      expectWellFormed(report, c);
    });
  }
});

describe('strict and lenient mode', () => {
  it('strict mode rejects every case that expects an error, and only those', () => {
    const wrong = allCases
      .filter((c) => validate(c).summary.invalid > 0 !== expectedErrors(c).length > 0)
      .map((c) => c.name);
    expect(wrong).toEqual([]);
  });

  it('lenient mode still rejects the cases with more than an unknown field or a bad format', () => {
    const accepted = allCases
      .filter((c) => c.lenient === 'reject')
      .filter((c) => validate(c, true).summary.invalid === 0)
      .map((c) => c.name);
    expect(accepted).toEqual([]);
  });

  it('lenient mode accepts the cases with merely an unknown field or a bad format, and still warns', () => {
    for (const c of allCases.filter((x) => x.lenient === 'accept')) {
      const report = validate(c, true);
      expect(keysOf(report, 'error'), c.name).toEqual([]);
      const warnings = keysOf(report, 'warning');
      for (const e of c.expected) expect(warnings, c.name).toContain(key(e));
    }
  });
});
