import { describe, expect, it } from 'vitest';
import { positionOf, splitPolicies, statementEffect } from './split-policies.js';

describe('splitPolicies', () => {
  it('cuts statements at semicolons and keeps their offsets', () => {
    const text = 'permit(principal, action, resource);\n\nforbid(principal, action, resource);';
    expect(splitPolicies(text)).toEqual([
      { text: 'permit(principal, action, resource);', offset: 0 },
      { text: 'forbid(principal, action, resource);', offset: 38 },
    ]);
  });

  it('ignores semicolons inside strings (with escaped quotes) and comments', () => {
    const text = [
      '// a comment; with a semicolon',
      'permit(principal, action, resource) when { resource.status == "a;\\"b;" };',
      '// trailing comment;',
    ].join('\n');
    const pieces = splitPolicies(text);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]?.text).toBe(
      'permit(principal, action, resource) when { resource.status == "a;\\"b;" };',
    );
    expect(pieces[0]?.offset).toBe(31);
  });

  it('keeps an unterminated tail so that Cedar reports it, and drops blank input', () => {
    expect(splitPolicies('permit(principal, action, resource);\npermit(')).toEqual([
      { text: 'permit(principal, action, resource);', offset: 0 },
      { text: 'permit(', offset: 37 },
    ]);
    expect(splitPolicies('  \n// only a comment\n')).toEqual([]);
    expect(splitPolicies('')).toEqual([]);
  });
});

describe('positionOf', () => {
  it('maps a UTF-8 byte offset inside a piece to a line and column of the whole text', () => {
    const text = '// é\npermit(principal, action, resource) when { "é" == resource.status };';
    const [piece] = splitPolicies(text);
    if (piece === undefined) throw new Error('no piece');
    expect(positionOf(text, piece, 0)).toEqual({ line: 2, column: 1 });
    // `"é"` is 4 bytes but 3 characters: the offset after it must land on the space that follows.
    const quoteAt = new TextEncoder().encode(piece.text.slice(0, piece.text.indexOf('"'))).length;
    expect(positionOf(text, piece, quoteAt + 4)).toEqual({ line: 2, column: piece.text.indexOf('"') + 4 });
  });
});

describe('statementEffect', () => {
  it('reads the keyword after annotations and comments', () => {
    expect(statementEffect('permit (principal, action, resource);')).toBe('permit');
    expect(
      statementEffect('@id("a ) \\" b")\n// note\n@advice\n@x ( "y" ) forbid(principal, action, resource);'),
    ).toBe('forbid');
    expect(statementEffect('permitted')).toBeUndefined();
  });
});
