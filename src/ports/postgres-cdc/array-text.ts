/**
 * PostgreSQL's array text (`{1,2}`, `{"a b",NULL}`, `{{1,2},{3,4}}`) as the JSON a snapshot reads
 * with `to_jsonb`: so an array column is the same value whether it came from the initial read or
 * from the replication stream. Pure.
 */
import { MeshplaneError } from '../../errors/index.js';

export type ArrayElement = 'boolean' | 'number' | 'text';

/** Built-in array types by oid, with how their elements read (others stay PostgreSQL's text). */
export const ARRAY_TYPES: ReadonlyMap<number, ArrayElement> = new Map([
  [1000, 'boolean'],
  [1005, 'number'],
  [1007, 'number'],
  [1016, 'number'],
  [1021, 'number'],
  [1022, 'number'],
  [1231, 'number'],
  [1009, 'text'],
  [1015, 'text'],
  [1014, 'text'],
  [2951, 'text'],
]);

function element(text: string, kind: ArrayElement): unknown {
  if (kind === 'boolean') return text === 't' || text === 'true';
  if (kind === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/** Parses an array's text; INVALID_INPUT when it is not one. */
export function parseArrayText(text: string, kind: ArrayElement): unknown[] {
  let i = 0;
  const fail = (): never => {
    throw new MeshplaneError('INVALID_INPUT', `not a PostgreSQL array: ${text.slice(0, 80)}`);
  };
  // `[1:2]={...}` gives the bounds; the JSON form has none.
  if (text.startsWith('[')) {
    i = text.indexOf('=') + 1;
    if (i === 0) fail();
  }
  const list = (): unknown[] => {
    if (text[i] !== '{') fail();
    i += 1;
    const out: unknown[] = [];
    if (text[i] === '}') {
      i += 1;
      return out;
    }
    for (;;) {
      if (text[i] === '{') out.push(list());
      else if (text[i] === '"') {
        let value = '';
        i += 1;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\') i += 1;
          value += text[i] ?? '';
          i += 1;
        }
        if (text[i] !== '"') fail();
        i += 1;
        out.push(element(value, kind));
      } else {
        const start = i;
        while (i < text.length && text[i] !== ',' && text[i] !== '}') i += 1;
        const value = text.slice(start, i);
        out.push(value === 'NULL' ? null : element(value, kind));
      }
      if (text[i] === ',') i += 1;
      else if (text[i] === '}') {
        i += 1;
        return out;
      } else fail();
    }
  };
  const result = list();
  if (i !== text.length) fail();
  return result;
}
