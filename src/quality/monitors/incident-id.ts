import { type ConditionKey, conditionKeyText } from './incident.js';

/** FNV-1a, 32 bits, as 8 hex digits: a short stable tag of a key, not a secret. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A new incident's id: `inc-<opened, compact UTC>-<key tag>`, URL-safe, sortable by opening time,
 * and the same for the same inputs, so replaying events gives the same ids. A suffix `-2`, `-3`
 * keeps it unique among `taken`.
 */
export function incidentId(key: ConditionKey, at: string, taken: ReadonlySet<string>): string {
  const stamp = at.replace(/[-:]/g, '').replace(/\.000Z$/, 'Z');
  const base = `inc-${stamp}-${fnv1a(conditionKeyText(key))}`;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}
