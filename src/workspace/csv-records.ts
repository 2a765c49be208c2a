/**
 * Counts the records of a CSV text, header included: line breaks inside double-quoted fields do
 * not end a record, and blank lines are not records. Enough to count sample rows; not a parser.
 */
export function countCsvRecords(text: string): number {
  let records = 0;
  let inQuotes = false;
  let lineHasContent = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n' && !inQuotes) {
      if (lineHasContent) records++;
      lineHasContent = false;
    } else if (ch !== '\r') {
      lineHasContent = true;
    }
  }
  return lineHasContent ? records + 1 : records;
}
