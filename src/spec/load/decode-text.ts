import type { Diagnostic, Position } from '../diagnostic.js';
import { FILE_START, loadDiagnostic } from './load-diagnostic.js';
import { firstInvalidUtf8 } from './utf8-error.js';

/** The text of a file, or the finding that refuses its bytes. */
export type DecodedText =
  | { readonly text: string; readonly refusal?: undefined }
  | { readonly text?: undefined; readonly refusal: Diagnostic };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

/**
 * Turns a file's bytes into text, refusing in this order: more than `maxBytes` (checked before
 * anything is decoded), a NUL byte (binary data), bytes that are not UTF-8 (located at the first
 * bad byte). A leading UTF-8 byte order mark is dropped.
 */
export function decodeText(file: string, bytes: Uint8Array, maxBytes: number): DecodedText {
  if (bytes.length > maxBytes) {
    return refuse(
      loadDiagnostic(
        file,
        'file-too-large',
        `The file is larger than the limit of ${formatBytes(maxBytes)} (${maxBytes} bytes).`,
        FILE_START,
        { hint: 'split the document into smaller files, or raise the limit with --max-bytes' },
      ),
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return refuse(
      loadDiagnostic(
        file,
        'file-binary',
        `The file holds binary data (a NUL byte at offset ${nul}), not text.`,
        FILE_START,
        {
          hint: looksLikeUtf16(bytes) ? 'The file looks like UTF-16; save it as UTF-8.' : undefined,
        },
      ),
    );
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const at = bytePosition(bytes, offset === -1 ? 0 : offset);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return refuse(
      loadDiagnostic(
        file,
        'file-invalid-utf8',
        `The file is not valid UTF-8: byte 0x${byte} at line ${at.line}, column ${at.column} does not start a valid character.`,
        at,
        { hint: 'Save the file with UTF-8 encoding.' },
      ),
    );
  }
}

function refuse(refusal: Diagnostic): DecodedText {
  return { refusal };
}

/** Line and column of a byte offset; the bytes before it are valid UTF-8, so they decode exactly. */
function bytePosition(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // The lenient decoder drops a leading BOM just as the text will not have it.
  const column = UTF8_LENIENT.decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
