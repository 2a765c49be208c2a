/**
 * When a product was scaffolded, kept in its descriptor as the ODPS custom property
 * `meshplane.scaffoldedAt` (an ISO 8601 instant with a zone): where the mesh's time to create a
 * data product starts. Pure (the `yaml` package only), so the web UI can read it too.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** The custom property's name. */
export const SCAFFOLDED_AT = 'meshplane.scaffoldedAt';

// A zone is required: a local time would be another instant on every machine.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** What a descriptor's custom properties say about its scaffold time. */
export type ScaffoldTime =
  | { readonly kind: 'absent' }
  | { readonly kind: 'at'; readonly at: string }
  | { readonly kind: 'unreadable'; readonly problem: string };

/**
 * Reads `meshplane.scaffoldedAt` from a list of custom properties as the store keeps instants
 * (`toISOString`). Never throws: a value that is not an instant with a zone is `unreadable`,
 * with a message naming the property and the value.
 */
export function scaffoldTimeOf(
  customProperties: readonly { readonly property: string; readonly value: unknown }[],
): ScaffoldTime {
  const entry = customProperties.find((p) => p.property === SCAFFOLDED_AT);
  if (entry === undefined) return { kind: 'absent' };
  const value = entry.value;
  const ms = typeof value === 'string' && ISO_INSTANT.test(value.trim()) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    const shown = JSON.stringify(value) ?? String(value);
    return {
      kind: 'unreadable',
      problem: `${SCAFFOLDED_AT} must be an ISO 8601 instant with a zone (e.g. 2025-01-31T09:30:00Z), got ${shown.slice(0, 80)}`,
    };
  }
  return { kind: 'at', at: new Date(ms).toISOString() };
}

/**
 * The rendered descriptor `text` with `meshplane.scaffoldedAt: <at>` among its top-level custom
 * properties. A descriptor without `customProperties` gets the block appended, so the template's
 * own text, comments and layout stay as they were; one with a list (or an empty key) gets the
 * entry added, or its value replaced, through the YAML document. Text that is not a YAML mapping is returned as it is:
 * validation reports the template's problem better than this would.
 */
export function stampScaffoldTime(text: string, at: Date): string {
  const iso = at.toISOString();
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return text;
  const list = doc.get('customProperties', true);
  if (list === undefined) {
    const base = text.endsWith('\n') ? text : `${text}\n`;
    return `${base}customProperties:\n  - property: ${SCAFFOLDED_AT}\n    value: "${iso}"\n`;
  }
  const entry = doc.createNode({ property: SCAFFOLDED_AT, value: iso });
  if (isScalar(list) && list.value === null) {
    doc.set('customProperties', doc.createNode([entry]));
    return doc.toString();
  }
  if (!isSeq(list)) return text;
  const existing = list.items.find((item) => isMap(item) && item.get('property') === SCAFFOLDED_AT);
  if (isMap(existing)) existing.set('value', iso);
  else list.add(entry);
  return doc.toString();
}
