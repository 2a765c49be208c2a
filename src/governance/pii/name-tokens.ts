/**
 * Splits a column or property name into lower-case words, whatever its style: snake_case,
 * camelCase, PascalCase, kebab-case, dotted, or glued lower case (`nationalidnumber`, common in
 * databases that fold identifiers). Glued words are split only when the whole token is covered by
 * words of `vocabulary`, so an unknown word is never cut into accidental pieces.
 */

/** Names longer than this are not realistic identifiers; only their start is read (bounded work). */
export const MAX_NAME_LENGTH = 256;

/** Plural and spelling variants folded onto the word the rules use. */
/** A Map, not an object literal: a name such as `constructor` must not read Object.prototype. */
const VARIANTS: ReadonlyMap<string, string> = new Map([
  ['emails', 'email'],
  ['phones', 'phone'],
  ['addresses', 'address'],
  ['addr', 'address'],
  ['names', 'name'],
  ['numbers', 'number'],
  ['num', 'number'],
  ['nr', 'number'],
  ['no', 'number'],
  ['nbr', 'number'],
  ['licence', 'license'],
  ['ips', 'ip'],
]);

export function nameTokens(name: string, vocabulary: ReadonlySet<string>): string[] {
  const raw = name
    .slice(0, MAX_NAME_LENGTH)
    // fooBar -> foo Bar; IPAddress -> IP Address; line1 -> line 1
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
  const out: string[] = [];
  for (const token of raw) {
    const known = VARIANTS.get(token) ?? token;
    if (vocabulary.has(known) || /^[0-9]+$/.test(known)) {
      out.push(known);
      continue;
    }
    const split = splitGlued(known, vocabulary);
    for (const word of split) out.push(VARIANTS.get(word) ?? word);
  }
  return out;
}

/**
 * The split of `token` into vocabulary words with the fewest words, or `[token]` when no full
 * split exists. Dynamic programming over positions: O(n * longest word), n bounded by the name.
 */
function splitGlued(token: string, vocabulary: ReadonlySet<string>): string[] {
  const n = token.length;
  const best: (string[] | undefined)[] = new Array(n + 1);
  best[0] = [];
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - MAX_WORD); start < end; start++) {
      const before = best[start];
      if (before === undefined) continue;
      const word = token.slice(start, end);
      if (!vocabulary.has(word) && !VARIANTS.has(word)) continue;
      const candidate = [...before, word];
      const current = best[end];
      if (current === undefined || candidate.length < current.length) best[end] = candidate;
    }
  }
  return best[n] ?? [token];
}

const MAX_WORD = 16;
