const cache = new Map<string, RegExp | null>();
const MAX_CACHE = 1000;
const MAX_SUBJECT = 1000;

/**
 * The RegExp of a JSON Schema `pattern` (ECMA-262, Unicode), or undefined when it does not
 * compile. Compiled once per pattern text.
 */
export function compilePattern(pattern: string): RegExp | undefined {
  let regex = cache.get(pattern);
  if (regex === undefined) {
    regex = tryCompile(pattern, 'u') ?? tryCompile(pattern, '');
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(pattern, regex);
  }
  return regex ?? undefined;
}

function tryCompile(pattern: string, flags: string): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

/**
 * Whether `text` matches `pattern`; undefined when the pattern does not compile or the text is
 * too long to test safely (user patterns may backtrack badly).
 */
export function matchesPattern(pattern: string, text: string): boolean | undefined {
  if (text.length > MAX_SUBJECT) return undefined;
  return compilePattern(pattern)?.test(text);
}
