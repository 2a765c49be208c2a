import { describe, expect, it } from 'vitest';
import { depthExcess, parseEvents } from './parse-events.js';

const limits = { maxEvents: 3, maxDepth: 3 };

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('not refused');
}

describe('parseEvents', () => {
  it('reads NDJSON, skipping blank lines, and a JSON array or a single object', () => {
    expect(parseEvents('{"a":1}\n\n{"a":2}\r\n', 'ndjson', limits)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseEvents('[{"a":1},{"b":[1]}]', 'json', limits)).toEqual([{ a: 1 }, { b: [1] }]);
    expect(parseEvents('{"a":1}', 'json', limits)).toEqual([{ a: 1 }]);
  });

  it('names the line and column of malformed JSON', () => {
    const error = refusal(() => parseEvents('{"a":1}\n{"a": tru}\n', 'ndjson', limits));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { line: 2, column: 7 } });
    expect(error.message).toMatch(/^Invalid JSON: .* at line 2, column 7$/);
    const array = refusal(() => parseEvents('[\n  {"a":1},\n  {"a":}\n]', 'json', limits));
    expect(array.details).toEqual({ line: 3, column: 8 });
  });

  it('refuses events that are not objects, too many events and too deep nesting', () => {
    expect(refusal(() => parseEvents('{"a":1}\n  42\n', 'ndjson', limits)).message).toBe(
      'an event must be a JSON object at line 2, column 3',
    );
    expect(refusal(() => parseEvents('[{"a":1}, 2]', 'json', limits)).message).toBe(
      'event 2 of the array is not a JSON object',
    );
    expect(refusal(() => parseEvents('{}\n{}\n{}\n{}\n', 'ndjson', limits)).message).toMatch(
      /more than 3 events/,
    );
    expect(refusal(() => parseEvents('[{},{},{},{}]', 'json', limits)).message).toMatch(/more than 3 events/);
    expect(refusal(() => parseEvents('{"a":[[{"b":1}]]}', 'ndjson', limits)).message).toMatch(
      /nests deeper than 3 levels at line 1, column 8/,
    );
    expect(parseEvents('[{"a":[[1]]}]', 'json', limits)).toEqual([{ a: [[1]] }]);
    expect(() => parseEvents('[{"a":[[[1]]]}]', 'json', limits)).toThrow(/deeper than 3/);
  });
});

describe('depthExcess', () => {
  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depthExcess('{"a":"[[[[\\"[[["}', 1)).toBeUndefined();
    expect(depthExcess('[[1]]', 1)).toBe(1);
    expect(depthExcess('[[1]]', 2)).toBeUndefined();
  });

  it('scans 100,000 nested brackets without recursion', () => {
    expect(depthExcess('['.repeat(100_000), 64)).toBe(64);
  });
});
