/** Renders query results for people (an aligned table) and for tools (CSV, JSON). Pure. */

export type Row = Readonly<Record<string, unknown>>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An aligned text table with a header rule and a row count, numbers right-aligned. */
export function formatTable(columns: readonly string[], rows: readonly Row[]): string {
  const texts = rows.map((row) => columns.map((c) => cell(row[c]).replace(/\s+/g, ' ')));
  const numeric = columns.map(
    (c) =>
      rows.length > 0 &&
      rows.every((r) => r[c] === null || typeof r[c] === 'number' || typeof r[c] === 'bigint'),
  );
  const widths = columns.map((c, i) =>
    Math.min(60, Math.max(c.length, ...texts.map((t) => (t[i] ?? '').length))),
  );
  const pad = (text: string, i: number) => {
    const width = widths[i] ?? 0;
    const clipped = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    return numeric[i] ? clipped.padStart(width) : clipped.padEnd(width);
  };
  const lines = [
    columns.map((c, i) => pad(c, i)).join(' | '),
    widths.map((w) => '-'.repeat(w)).join('-+-'),
    ...texts.map((t) => t.map((v, i) => pad(v, i)).join(' | ')),
  ];
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}

/** RFC 4180 CSV with a header row. */
export function formatCsv(columns: readonly string[], rows: readonly Row[]): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return `${[columns.map(quote).join(','), ...rows.map((r) => columns.map((c) => quote(cell(r[c]))).join(','))].join('\r\n')}\r\n`;
}
