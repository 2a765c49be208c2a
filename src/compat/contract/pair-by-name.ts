/** How an old and a new list of named nodes (schema objects, properties) correspond. */
export type Pairing<T> =
  | { readonly kind: 'matched' | 'renamed'; readonly old: T; readonly new: T; readonly oldIndex: number }
  | { readonly kind: 'added'; readonly new: T; readonly newIndex: number }
  | { readonly kind: 'removed'; readonly old: T; readonly oldIndex: number };

/** How to read a node's name and its rename declaration. */
export interface Naming<T> {
  readonly name: (node: T) => string;
  /** The old name the new node declares (meshplane.renamedFrom), if any. */
  readonly renamedFrom: (node: T) => string | undefined;
}

/**
 * Pairs nodes by name first, then by declared renames. A declaration counts only when its old
 * name is gone from the new list and still unpaired in the old one, so a declaration left in
 * place for later versions is harmless. Entries follow the new list; each removed node comes
 * just before the additions and pairs that follow where it stood, so the order is deterministic
 * and reads like the files.
 */
export function pairByName<T>(olds: readonly T[], news: readonly T[], naming: Naming<T>): Pairing<T>[] {
  const unpaired = new Map<string, number[]>();
  olds.forEach((node, index) => {
    const name = naming.name(node);
    unpaired.set(name, [...(unpaired.get(name) ?? []), index]);
  });
  const newNames = new Set(news.map(naming.name));
  const take = (name: string): number | undefined => unpaired.get(name)?.shift();

  const partner: (number | undefined)[] = news.map((node) => take(naming.name(node)));
  const renamed = news.map((node, index) => {
    if (partner[index] !== undefined) return false;
    const from = naming.renamedFrom(node);
    if (from === undefined || newNames.has(from)) return false;
    partner[index] = take(from);
    return partner[index] !== undefined;
  });

  const paired = new Set(partner.filter((i): i is number => i !== undefined));
  const removed = olds.flatMap((node, oldIndex) => (paired.has(oldIndex) ? [] : [{ node, oldIndex }]));
  const out: Pairing<T>[] = [];
  let next = 0;
  const flushRemovedBefore = (limit: number): void => {
    for (let r = removed[next]; r !== undefined && r.oldIndex < limit; r = removed[++next])
      out.push({ kind: 'removed', old: r.node, oldIndex: r.oldIndex });
  };
  // The old index of the next paired entry at or after each new position: removed nodes before
  // it go first, so a removal reads before the addition that took its place.
  const anchor: number[] = [];
  for (let i = news.length - 1, next = Number.POSITIVE_INFINITY; i >= 0; i--) {
    next = partner[i] ?? next;
    anchor[i] = next;
  }
  news.forEach((node, newIndex) => {
    flushRemovedBefore(anchor[newIndex] ?? Number.POSITIVE_INFINITY);
    const oldIndex = partner[newIndex];
    const old = oldIndex === undefined ? undefined : olds[oldIndex];
    if (oldIndex === undefined || old === undefined) {
      out.push({ kind: 'added', new: node, newIndex });
      return;
    }
    out.push({ kind: renamed[newIndex] ? 'renamed' : 'matched', old, new: node, oldIndex });
  });
  flushRemovedBefore(Number.POSITIVE_INFINITY);
  return out;
}
