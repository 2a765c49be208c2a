import { isAbsolute, join, resolve } from 'node:path';
import { MeshplaneError } from '../../errors/index.js';

/** Where the control store lives, read from `--database-url` (or its absence). */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly target: string };

/** The embedded default, relative to the workspace. */
export const DEFAULT_SQLITE_FILE = join('.meshplane', 'control.db');

/**
 * A postgres:// URL parsed as WHATWG URL, which refuses an empty host after credentials
 * (`postgres://me@/db?host=/run/postgresql`, valid for libpq); such a URL is read with `localhost`
 * in the gap. Undefined when it cannot be parsed at all.
 */
export function parsePostgresUrl(url: string): URL | undefined {
  for (const candidate of [url, url.replace(/@(?=[/?#]|$)/, '@localhost')]) {
    try {
      return new URL(candidate);
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

/** "PostgreSQL at host:port/database": what a message may say about a URL (never the password). */
export function describePostgresUrl(url: string): string {
  const parsed = parsePostgresUrl(url);
  if (parsed === undefined) return 'PostgreSQL (unparsable URL)';
  const host = parsed.searchParams.get('host') || decodeURIComponent(parsed.hostname) || 'localhost';
  const port = parsed.port || '5432';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username || 'postgres';
  return `PostgreSQL at ${host}:${port}/${database}`;
}

/**
 * Reads a control store URL: none for the embedded SQLite file in `<workspace>/.meshplane/`,
 * `postgres://` or `postgresql://` for server mode, `sqlite:<file>` (relative to the workspace)
 * or `sqlite::memory:` for an explicit SQLite database. Anything else is INVALID_INPUT, with a
 * message that does not repeat the URL (it could hold a password).
 */
export function parseStoreUrl(url: string | undefined, workspaceDir: string): StoreLocation {
  if (url === undefined || url === '') {
    return { kind: 'sqlite', file: resolve(workspaceDir, DEFAULT_SQLITE_FILE) };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url, target: describePostgresUrl(url) };
  const sqlite = /^sqlite:(?:\/\/)?(.*)$/i.exec(url);
  const file = sqlite?.[1];
  if (file === ':memory:') return { kind: 'sqlite', file };
  if (file !== undefined && file !== '') {
    return { kind: 'sqlite', file: isAbsolute(file) ? file : resolve(workspaceDir, file) };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new MeshplaneError(
    'INVALID_INPUT',
    `unsupported control store URL${scheme === undefined ? '' : ` (scheme '${scheme}')`}: use postgres://user@host:port/database or sqlite:<file>`,
  );
}
