/**
 * The file path glob of an input contract's `local` server (`data/orders/*.ndjson`), as far as the
 * generator needs it: a fixed folder, and a file name with at most one `*` that a file stem fills.
 */
export interface FileGlob {
  /** The folder, relative to the product folder, POSIX separators; '' for the product folder. */
  readonly dir: string;
  /** The file name part before the `*` (the whole name when there is none). */
  readonly prefix: string;
  /** The file name part after the `*`. */
  readonly suffix: string;
  /** False when the glob names one file: every row goes into it. */
  readonly wildcard: boolean;
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Reads a path glob; returns why it cannot be used when the generator cannot write files that match
 * it: an absolute path, a `..` segment, wildcards in a folder, or more than one `*` in the name.
 */
export function parseFileGlob(path: string): FileGlob | { readonly unsupported: string } {
  const parts = path
    .replaceAll('\\', '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  const name = parts.pop();
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
    return { unsupported: `'${path}' is not relative to the product folder` };
  if (name === undefined || /[/\\]$/.test(path)) return { unsupported: 'the path names no file' };
  if (parts.includes('..')) return { unsupported: `'${path}' leaves the product folder` };
  if (parts.some((p) => GLOB_CHARS.test(p)))
    return { unsupported: `'${path}' has a wildcard in a folder name` };
  const star = name.indexOf('*');
  const rest = star < 0 ? name : `${name.slice(0, star)}${name.slice(star + 1)}`;
  if (GLOB_CHARS.test(rest))
    return { unsupported: `'${path}' has a wildcard other than one '*' in its file name` };
  return star < 0
    ? { dir: parts.join('/'), prefix: name, suffix: '', wildcard: false }
    : { dir: parts.join('/'), prefix: name.slice(0, star), suffix: name.slice(star + 1), wildcard: true };
}

/** The file name for rows of stem `stem`. */
export function globFileName(glob: FileGlob, stem: string): string {
  return glob.wildcard ? `${glob.prefix}${stem}${glob.suffix}` : glob.prefix;
}

/** Whether a file name in the glob's folder matches it. */
export function matchesGlob(glob: FileGlob, name: string): boolean {
  if (!glob.wildcard) return name === glob.prefix;
  return (
    name.length >= glob.prefix.length + glob.suffix.length &&
    name.startsWith(glob.prefix) &&
    name.endsWith(glob.suffix)
  );
}
