import { MeshplaneError } from '../../errors/index.js';

/** Where in the SQL text DuckDB located an error (1-based), when it said. */
export interface SqlPosition {
  readonly line: number;
  /** Undefined when DuckDB showed a shortened line, so the column cannot be told. */
  readonly column?: number;
}

const LINE = /^LINE (\d+): (.*)\n( *)\^/m;

/** Reads DuckDB's `LINE n: <text>` / caret pair out of an error message. */
export function sqlErrorPosition(message: string): SqlPosition | undefined {
  const match = LINE.exec(message);
  if (match === null) return undefined;
  const [, line = '1', shownLine = '', caret = ''] = match;
  const prefix = `LINE ${line}: `.length;
  if (shownLine.startsWith('...')) return { line: Number(line) };
  return { line: Number(line), column: caret.length - prefix + 1 };
}

/** The error without DuckDB's echo of the SQL text and its suggestions. */
export function errorSummary(message: string): string {
  const cut = message.search(/\n\s*\nLINE \d+:|\nLINE \d+:|\n\n/);
  return (cut === -1 ? message : message.slice(0, cut)).trim();
}

export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && /^INTERRUPT Error/.test(error.message);
}

/**
 * Turns whatever DuckDB threw into ENGINE_ERROR, prefixed with what was being done. An
 * interrupted statement says `cancelled`; a MeshplaneError passes through unchanged.
 */
export function toEngineError(error: unknown, doing: string): MeshplaneError {
  if (error instanceof MeshplaneError) return error;
  if (isInterrupt(error)) {
    return new MeshplaneError('ENGINE_ERROR', `${doing}: cancelled`, {
      cause: error,
      details: { cancelled: true },
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const position = sqlErrorPosition(message);
  return new MeshplaneError('ENGINE_ERROR', `${doing}: ${errorSummary(message)}`, {
    cause: error,
    details: position === undefined ? {} : { position },
  });
}
