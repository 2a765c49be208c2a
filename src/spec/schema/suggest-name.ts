import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `input` when it is close enough to be a likely typo: an edit distance
 * of at most 2, or at most a third of the input's length, and less than either word's length. Case differences count as near misses
 * (`logicaltype` → `logicalType`). Undefined when nothing is close.
 */
export function suggestName(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const limit = Math.max(2, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const d = candidate.toLowerCase() === lower ? 0.5 : distance(input, candidate);
    // A short word that differs everywhere (`ab` vs `id`) is no typo.
    if (d >= Math.min(input.length, candidate.length)) continue;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
