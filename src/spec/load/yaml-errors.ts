import type { LineCounter, Node, YAMLError } from 'yaml';
import type { DiagnosticCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import { FILE_START, loadDiagnostic } from './load-diagnostic.js';
import { type ComposedYaml, MAX_STRAY_ERRORS } from './parse-yaml.js';
import { positionAt } from './text-position.js';
import { errorAnchors } from './yaml-error-anchor.js';

/** Beyond this many, further syntax errors are mostly echoes of the first ones. */
export const MAX_SYNTAX_ERRORS = 20;

/** Syntax errors of the first document, a second document, and junk that stopped the reading. */
export function parseFindings(file: string, text: string, parsed: ComposedYaml): Diagnostic[] {
  const { doc, lineCounter, secondDocument, strayErrors } = parsed;
  const found = yamlErrorDiagnostics(file, { text, root: doc.contents, errors: doc.errors, lineCounter });
  if (secondDocument !== undefined) {
    const message = 'The file holds more than one YAML document; a second one starts here.';
    found.push(
      loadDiagnostic(file, 'multiple-documents', message, positionAt(lineCounter, secondDocument), {
        hint: 'Put each document in its own file.',
      }),
    );
  }
  if (strayErrors > MAX_STRAY_ERRORS) {
    const message = 'The text is not YAML; reading stopped after too many syntax errors.';
    found.push(loadDiagnostic(file, 'syntax-error', message, FILE_START));
  }
  return found;
}

/** The parse of one document, as far as error reporting needs it. */
export interface ErrorSource {
  readonly text: string;
  readonly root: Node | null;
  readonly errors: readonly YAMLError[];
  readonly lineCounter: LineCounter;
}

/**
 * Translates yaml's parse errors into diagnostics: each located where the user should look (see
 * `errorAnchors`), with a one-line message (no code frame; the CLI draws frames). Errors at the
 * same place with the same code are reported once.
 */
export function yamlErrorDiagnostics(file: string, source: ErrorSource): Diagnostic[] {
  const { errors, lineCounter } = source;
  const anchorError = errorAnchors(source.root, source.text);
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const seen = new Set<string>();
  const found: Diagnostic[] = [];
  for (const error of sorted) {
    const code = codeOf(error);
    const anchor = anchorError(error);
    const key = `${code}@${anchor.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (found.length === MAX_SYNTAX_ERRORS) {
      const message = 'More syntax errors follow; fix the ones above first.';
      found.push(loadDiagnostic(file, 'syntax-error', message, positionAt(lineCounter, anchor.start)));
      break;
    }
    const message = anchor.message ?? cleanMessage(error.message);
    found.push(loadDiagnostic(file, code, message, positionAt(lineCounter, anchor.start, anchor.end)));
  }
  return found;
}

function codeOf(error: YAMLError): DiagnosticCode {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return 'duplicate-key';
    case 'TAB_AS_INDENT':
      return 'tab-indent';
    case 'MULTIPLE_DOCS':
      return 'multiple-documents';
    default:
      return 'syntax-error';
  }
}

/** yaml adds "at line L, column C:" and a code frame when pretty errors are on; keep the first clause only. */
function cleanMessage(message: string): string {
  const line = (message.split('\n', 1)[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '').trim();
  if (line === '') return 'Syntax error.';
  return /[.!?]$/.test(line) ? line : `${line}.`;
}
