import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';
import { firstInvalidUtf8 } from './utf8-error.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('decodes UTF-8 and drops a leading byte order mark', () => {
    expect(
      decodeText('f.yaml', Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0xc3, 0xa9]), 100),
    ).toEqual({
      text: 'a: é',
    });
  });

  it('refuses a file over the limit at 1:1 before looking at its bytes', () => {
    const { refusal } = decodeText('f.yaml', Uint8Array.from([0, 0xff, 0, 0xff]), 3);
    expect(refusal).toMatchObject({
      code: 'file-too-large',
      severity: 'error',
      line: 1,
      column: 1,
      file: 'f.yaml',
    });
    expect(decodeText('f.yaml', bytes('abc'), 3).text).toBe('abc');
  });

  it('refuses a NUL byte as binary, and says so for UTF-16', () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(decodeText('f.yaml', png, 100).refusal).toMatchObject({ code: 'file-binary', line: 1, column: 1 });
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00]);
    expect(decodeText('f.yaml', utf16, 100).refusal?.hint).toMatch(/UTF-16/);
  });

  it('locates the first bad UTF-8 byte by line and column', () => {
    const file = Uint8Array.from([...bytes('a: 1\nb: 2\nc: '), 0xc3, 0x28, 0x0a]);
    const { refusal } = decodeText('f.yaml', file, 100);
    expect(refusal).toMatchObject({ code: 'file-invalid-utf8', line: 3, column: 4 });
    expect(refusal?.message).toContain('0xC3');
  });

  it('counts columns in characters, not bytes, before the bad byte', () => {
    const file = Uint8Array.from([...bytes('x\nnamé: caf'), 0xe9]);
    expect(decodeText('f.yaml', file, 100).refusal).toMatchObject({ line: 2, column: 10 });
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['valid text', bytes('héllo €𝄞'), -1],
    ['a lone continuation byte', Uint8Array.from([0x61, 0x80]), 1],
    ['an overlong encoding', Uint8Array.from([0xc0, 0x80]), 0],
    ['an overlong three-byte form', Uint8Array.from([0xe0, 0x80, 0x80]), 0],
    ['a UTF-16 surrogate', Uint8Array.from([0x61, 0xed, 0xa0, 0x80]), 1],
    ['a code point past U+10FFFF', Uint8Array.from([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a truncated sequence', Uint8Array.from([0x61, 0x62, 0xe2, 0x82]), 2],
    ['a Latin-1 byte', Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 3],
  ])('finds %s', (_name, input, expected) => {
    expect(firstInvalidUtf8(input)).toBe(expected);
  });
});
