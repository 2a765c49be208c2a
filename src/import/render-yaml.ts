import { Document } from 'yaml';

/**
 * YAML text of a generated document, with a comment header saying where it came from. Repeated
 * objects are written out each time (no anchors and aliases, which the loader counts), and long
 * lines are never folded.
 */
export function renderYaml(value: unknown, header: readonly string[]): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  if (header.length > 0) doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
