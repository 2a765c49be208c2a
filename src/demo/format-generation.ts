import type { GenerateShopDataResult } from './generate-shop-data.js';

const number = new Intl.NumberFormat('en-US');

function folderOf(files: readonly string[]): string {
  const first = files[0];
  return first === undefined ? '' : `${first.slice(0, first.lastIndexOf('/') + 1)}`;
}

/** The summary `meshplane demo generate` prints: one line per source, the total, what was skipped. */
export function formatGeneration(result: GenerateShopDataResult, seconds: number): string {
  const rows = result.sources.map((s) => [
    s.contractId,
    `${s.files.length} ${s.files.length === 1 ? 'file' : 'files'}`,
    `${number.format(s.rows)} rows`,
    `${number.format(s.badRows)} bad`,
    folderOf(s.files),
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const pad = (r: readonly string[]) =>
    r.map((cell, i) =>
      i === 1 || i === 2 || i === 3 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
    );
  const { scale, seed, referenceDate } = result;
  const lines = [
    `Generated the shop demo data (scale ${scale.name}, seed ${seed}, reference date ${referenceDate}) in ${seconds.toFixed(1)} s:`,
    ...rows.map((r) => `  ${pad(r).join('  ').trimEnd()}`),
    `  ${number.format(result.totalRows)} rows in all`,
    ...result.skipped.map((s) => `skipped ${s.contractId}: ${s.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
