import {
  type CompareContext,
  countBreaking,
  type Found,
  found,
  rebase,
  type Sides,
} from './compare-context.js';
import { canonicalJson, type Obj } from './json-values.js';
import { type SumKeyword, sumKeyword } from './schema-keywords.js';
import { type WriterAlternative, writerBranches, writerTypeSlices } from './writer-alternatives.js';

interface Candidate {
  readonly index: number;
  readonly diffs: readonly Found[];
  readonly breaking: number;
}

/**
 * A reader `anyOf`/`oneOf` reads the writer when each thing the writer may write (each of its own
 * `oneOf`/`anyOf` branches, else each of its types) is read by at least one reader branch. The
 * rule is a covering, not Confluent's one-to-one maximum matching: two writer branches may be read
 * by one reader branch. For each writer alternative the reader branch at the same position is
 * tried first, then the others in order; the first that reads it is taken.
 */
export function compareReaderSum(
  ctx: CompareContext,
  keyword: SumKeyword,
  branches: readonly unknown[],
  writer: Obj,
  sides: Sides,
): Found[] {
  const out: Found[] = [];
  const writerKeyword = sumKeyword(writer);
  let alternatives: WriterAlternative[];
  if (writerKeyword === undefined) alternatives = writerTypeSlices(ctx, writer);
  else {
    alternatives = writerBranches(ctx, writer, writerKeyword, sides.writer);
    out.push(...criterionChange(writerKeyword, keyword, alternatives.length, branches.length));
  }
  const distinct = new Set(branches.map((b) => canonicalJson(b))).size;
  let covered = true;
  for (const [position, alternative] of alternatives.entries()) {
    const chosen = cover(
      ctx,
      branches,
      alternative.schema,
      sides,
      writerKeyword === undefined ? 0 : position,
    );
    if (chosen.breaking === 0) {
      out.push(...rebase(`/${keyword}/${chosen.index}`, chosen.diffs));
      continue;
    }
    covered = false;
    const what =
      alternative.label === '' ? 'what the writer writes' : `the writer's branch ${alternative.label}`;
    out.push(
      distinct < alternatives.length
        ? found(
            'SUM_TYPE_NARROWED',
            alternative.label,
            `The reader's ${keyword} has fewer branches and none reads ${what}.`,
          )
        : found(
            'COMBINED_TYPE_SUBSCHEMAS_CHANGED',
            alternative.label,
            `No branch of the reader's ${keyword} reads ${what}.`,
          ),
      ...rebase(`/${keyword}/${chosen.index}`, chosen.diffs),
    );
  }
  if (covered && distinct > alternatives.length)
    out.push(
      found(
        'SUM_TYPE_EXTENDED',
        '',
        `The reader's ${keyword} accepts more alternatives than the writer writes.`,
      ),
    );
  return out;
}

/** The first reader branch that reads `alternative`, else the one with the fewest breaking differences. */
function cover(
  ctx: CompareContext,
  branches: readonly unknown[],
  alternative: unknown,
  sides: Sides,
  preferred: number,
): Candidate {
  const order = [preferred, ...branches.keys()].filter(
    (i, n, all) => i < branches.length && all.indexOf(i) === n,
  );
  let best: Candidate | undefined;
  for (const index of order) {
    const diffs = ctx.compare(branches[index], alternative, sides);
    const breaking = countBreaking(ctx, diffs);
    if (breaking === 0) return { index, diffs, breaking };
    if (best === undefined || breaking < best.breaking) best = { index, diffs, breaking };
  }
  return best ?? { index: 0, diffs: [], breaking: 0 };
}

/** Confluent's rule on switching combinators: oneOf to anyOf widens; anyOf to oneOf may reject overlaps. */
function criterionChange(
  writer: SumKeyword,
  reader: SumKeyword,
  writerBranches: number,
  readerBranches: number,
): Found[] {
  if (writer === 'oneOf' && reader === 'anyOf')
    return [
      found(
        'COMBINED_TYPE_EXTENDED',
        '',
        'The writer used oneOf and the reader uses anyOf, which accepts more.',
      ),
    ];
  if (writer === 'anyOf' && reader === 'oneOf' && writerBranches > 1 && readerBranches > 1)
    return [
      found(
        'COMBINED_TYPE_CHANGED',
        '',
        'The writer used anyOf and the reader uses oneOf, which rejects values that match several branches.',
      ),
    ];
  return [];
}
