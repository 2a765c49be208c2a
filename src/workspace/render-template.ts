import { MeshplaneError } from '../errors/index.js';

/** A file of a template or of its rendering: a path relative to the workspace root, and its text. */
export interface TemplateFile {
  readonly path: string;
  readonly text: string;
}

/** Placeholder values by name: `{ domain: 'orders', product: 'order_lines' }`. */
export type TemplateVariables = Readonly<Record<string, string>>;

/**
 * `\{{` is a literal `{{` (GitHub's `${{ secrets.X }}` is written `$\{{ secrets.X }}`); anything
 * else between `{{` and `}}` on one line is a placeholder.
 */
const TOKEN = /\\\{\{|\{\{([^{}\n]*)\}\}/g;

/**
 * Indents every line after the first of a multi-line value like the line the placeholder sits on,
 * when only spaces precede it there, so a YAML list dropped into a nested block stays nested.
 */
function indentValue(value: string, text: string, offset: number): string {
  if (!value.includes('\n')) return value;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  if (!/^[ \t]*$/.test(prefix) || prefix === '') return value;
  return value
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : prefix + line))
    .join('\n');
}

function substitute(text: string, variables: TemplateVariables, unknown: Set<string>): string {
  return text.replace(TOKEN, (match: string, inner: string | undefined, offset: number) => {
    if (inner === undefined) return '{{';
    const name = inner.trim();
    const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (value === undefined) {
      unknown.add(match);
      return match;
    }
    return indentValue(value, text, offset);
  });
}

/**
 * A rendered path must stay inside the workspace: relative, without `..`, and not empty. Written
 * without node:path so rendering stays pure (the web UI can preview a template).
 */
function checkPath(path: string, from: string): string {
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (path.startsWith('/') || path.includes('\n') || segments.length === 0 || segments.includes('..')) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `template file '${from}' renders to '${path}', which is outside the workspace`,
    );
  }
  return segments.join('/');
}

/**
 * Renders template files: replaces `{{name}}` in paths and texts with the variables' values.
 * Pure. A placeholder without a value is a broken template, so all of them are reported at once
 * (INVALID_INPUT) rather than leaving `{{...}}` in the user's files.
 */
export function renderTemplate(files: readonly TemplateFile[], variables: TemplateVariables): TemplateFile[] {
  const unknown = new Set<string>();
  const rendered = files.map((file) => ({
    from: file.path,
    path: substitute(file.path, variables, unknown),
    text: substitute(file.text, variables, unknown),
  }));
  if (unknown.size > 0) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `the template uses placeholders that have no value: ${[...unknown].join(', ')} ` +
        `(known: ${Object.keys(variables).sort().join(', ')}; write \\{{ for a literal {{)`,
    );
  }
  return rendered.map(({ from, path, text }) => ({ path: checkPath(path, from), text }));
}
