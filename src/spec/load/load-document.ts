import { compareDiagnostics, type Diagnostic, type Position } from '../diagnostic.js';
import { checkAliases } from './check-aliases.js';
import { checkDuplicateKeys } from './check-duplicate-keys.js';
import { checkNesting, depthFinding } from './check-nesting.js';
import { checkShape, emptyFile } from './check-shape.js';
import { decodeText } from './decode-text.js';
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from './limits.js';
import { FILE_START, loadDiagnostic } from './load-diagnostic.js';
import type { LoadedDocument } from './loaded-document.js';
import { parseJson } from './parse-json.js';
import { type ComposedYaml, parseYaml } from './parse-yaml.js';
import { scanDepth } from './scan-depth.js';
import { positionAt, positionInText } from './text-position.js';
import { treeContext } from './tree-context.js';
import { parseFindings } from './yaml-errors.js';
import { createYamlSourceMap, fixedSourceMap } from './yaml-source-map.js';

type Format = LoadedDocument['format'];

/**
 * Reads one document from its bytes: decodes them, refuses what is too large, binary, badly
 * encoded or nested too deep before any parser sees it, parses YAML 1.2 (JSON for `.json` files),
 * and returns the plain value with a source map and located diagnostics. Pure (no I/O) and total:
 * it never throws; anything unexpected becomes a diagnostic. `value` is undefined whenever an
 * error was found.
 */
export function loadDocument(
  file: string,
  bytes: Uint8Array,
  limits: Partial<LoadLimits> = {},
): LoadedDocument {
  const format: Format = /\.json$/i.test(file) ? 'json' : 'yaml';
  try {
    return load(file, format, bytes, resolveLimits(limits));
  } catch (error) {
    return refused(file, format, undefined, internalError(file, error));
  }
}

function load(file: string, format: Format, bytes: Uint8Array, limits: LoadLimits): LoadedDocument {
  const decoded = decodeText(file, bytes, limits.maxBytes);
  if (decoded.refusal) return refused(file, format, undefined, decoded.refusal);
  const { text } = decoded;
  if (format === 'json' && text.trim() === '') return refused(file, format, text, emptyFile(file));
  const excess = scanDepth(text, limits.maxDepth);
  if (excess) return refused(file, format, text, depthFinding(file, limits.maxDepth, excess));
  let json: unknown;
  if (format === 'json') {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      const at = parsed.offset === undefined ? FILE_START : positionInText(text, parsed.offset);
      return refused(file, format, text, loadDiagnostic(file, 'syntax-error', parsed.message, at));
    }
    json = parsed.value;
  }
  // JSON is parsed by yaml too, for the source map and duplicate keys; JSON.parse has the last word on syntax.
  const parsed = parseYaml(text, limits.maxDepth);
  if (parsed.tooDeep !== undefined) {
    const at = positionAt(parsed.lineCounter, parsed.tooDeep);
    return refused(file, format, text, depthFinding(file, limits.maxDepth, at));
  }
  const diagnostics = [
    ...(format === 'yaml' ? parseFindings(file, text, parsed) : []),
    ...treeFindings(file, parsed, limits, format),
  ];
  const sourceMap = createYamlSourceMap(parsed.doc, parsed.lineCounter);
  const base = { file, format, text, sourceMap };
  if (diagnostics.some((d) => d.severity === 'error'))
    return { ...base, value: undefined, diagnostics: sorted(diagnostics) };
  const shape = checkShape(file, parsed.doc.contents, parsed.lineCounter);
  if (shape) return { ...base, value: undefined, diagnostics: [shape] };
  return {
    ...base,
    value: format === 'json' ? json : parsed.doc.toJS({ maxAliasCount: -1 }),
    diagnostics: sorted(diagnostics),
  };
}

/** Depth, then duplicate keys and aliases: the checks that need the composed tree. */
function treeFindings(file: string, parsed: ComposedYaml, limits: LoadLimits, format: Format): Diagnostic[] {
  const context = treeContext(file, parsed.doc.contents, parsed.lineCounter);
  const nesting = checkNesting(context, limits.maxDepth);
  if (nesting.length > 0) return nesting;
  const duplicates = checkDuplicateKeys(context);
  return format === 'yaml' ? [...duplicates, ...checkAliases(context, limits.maxAliasCount)] : duplicates;
}

/** A bug of this folder, reported on the file rather than thrown at the caller. */
function internalError(file: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return loadDiagnostic(
    file,
    'internal-error',
    `Meshplane failed while reading this file: ${reason}`,
    FILE_START,
    {
      hint: 'This is a bug in Meshplane; please report it with the file attached.',
    },
  );
}

function refused(
  file: string,
  format: Format,
  text: string | undefined,
  finding: Diagnostic,
): LoadedDocument {
  const at: Position = { line: finding.line, column: finding.column };
  return { file, format, text, value: undefined, sourceMap: fixedSourceMap(at), diagnostics: [finding] };
}

function sorted(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(compareDiagnostics);
}

/** Defaults for missing limits; a limit that is not a non-negative number falls back too. */
function resolveLimits(limits: Partial<LoadLimits>): LoadLimits {
  const pick = (key: keyof LoadLimits): number => {
    const value = limits[key];
    return typeof value === 'number' && value >= 0 ? value : DEFAULT_LOAD_LIMITS[key];
  };
  return { maxBytes: pick('maxBytes'), maxAliasCount: pick('maxAliasCount'), maxDepth: pick('maxDepth') };
}
