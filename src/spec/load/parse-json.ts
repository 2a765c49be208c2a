import { jsonErrorOffset } from './json-error-offset.js';

/** The outcome of `JSON.parse`: the value, or a one-line reason and the offset it points at. */
export type JsonParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly offset: number | undefined };

/**
 * Parses JSON text with the platform's parser, which is the authority on what JSON is (tabs as
 * whitespace included). The error is located by `jsonErrorOffset`, since V8's messages carry a
 * position only in some Node versions and for some errors; the message is cut to its first clause.
 */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: cleanMessage(raw),
      offset: jsonErrorOffset(text) ?? messageOffset(raw, text),
    };
  }
}

/** The position V8 puts in some messages, for the rare error the locator does not see. */
function messageOffset(message: string, text: string): number | undefined {
  const at = /at position (\d+)/.exec(message);
  if (at?.[1] !== undefined) return Math.min(Number(at[1]), text.length);
  if (/end of JSON input/i.test(message)) return text.length;
  return undefined;
}

/** `Unexpected token '}', "{"a": }" is not valid JSON` and `... in JSON at position 7 (line 1 column 8)` lose their tails. */
function cleanMessage(message: string): string {
  const firstLine = message.split('\n', 1)[0] ?? message;
  const clause = firstLine
    .replace(/,\s*".*" is not valid JSON$/, '')
    .replace(/\s+in JSON at position \d+.*$/, '')
    .trim();
  return `Invalid JSON: ${clause || 'syntax error'}.`;
}
