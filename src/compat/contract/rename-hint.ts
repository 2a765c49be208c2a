import type { Pairing } from './pair-by-name.js';

/**
 * For an added or removed node: when an unpaired node on the other side stands at the same
 * position and `alike` holds, the pair is probably an undeclared rename, and the message says how
 * to declare it. Empty otherwise.
 */
export function renameHint<T extends { readonly name: string }>(
  pairs: readonly Pairing<T>[],
  pair: Pairing<T>,
  alike: (old: T, next: T) => boolean,
): string {
  let old: T | undefined;
  let next: T | undefined;
  if (pair.kind === 'removed') {
    const other = pairs.find((p) => p.kind === 'added' && p.newIndex === pair.oldIndex);
    old = pair.old;
    next = other?.kind === 'added' ? other.new : undefined;
  } else if (pair.kind === 'added') {
    const other = pairs.find((p) => p.kind === 'removed' && p.oldIndex === pair.newIndex);
    old = other?.kind === 'removed' ? other.old : undefined;
    next = pair.new;
  }
  if (old === undefined || next === undefined || !alike(old, next)) return '';
  return ` (did you rename ${old.name} to ${next.name}? declare meshplane.renamedFrom: ${old.name} on ${next.name})`;
}
