/**
 * The target of the `rel="next"` link in an RFC 8288 `Link` header, resolved against the URL of
 * the response that carried it, or undefined when there is none. Pure.
 */
export function nextLink(header: string | null, base: string): string | undefined {
  if (header === null) return undefined;
  // Each link is `<target>; param=value; ...`; targets may hold commas and semicolons, params may be quoted.
  const link = /<([^>]*)>((?:\s*;\s*[^;,=\s]+(?:\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^;,\s]*))?)*)/g;
  for (const match of header.matchAll(link)) {
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;,\s]*))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('next')) continue;
    try {
      return new URL(match[1] ?? '', base).href;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
