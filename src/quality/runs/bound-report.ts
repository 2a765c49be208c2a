/**
 * Keeps what a check run stores small, whatever the data: sample cells cut to a few hundred
 * characters, the samples of one run to a fixed budget (rows past it dropped and the sample
 * marked `truncated`), and messages (an engine's error text) to a bounded length. Values that
 * JSON cannot hold are turned into text. Masking happened before (`***` stays `***`). Pure.
 */
import type { Row } from '../../engines/engine.js';
import type { CheckResult, FailingSample } from '../checks/index.js';

/** A failing-row sample as stored: `truncated` when rows or cells were cut to fit. */
export interface StoredSample extends FailingSample {
  readonly truncated?: boolean;
}

export interface ReportBounds {
  /** Longest text kept of one sample cell (characters). */
  readonly cellChars: number;
  /** Largest JSON of all samples of one check run (characters). */
  readonly samplesChars: number;
  /** Longest message kept (characters). */
  readonly messageChars: number;
}

export const DEFAULT_REPORT_BOUNDS: ReportBounds = Object.freeze({
  cellChars: 200,
  samplesChars: 64 * 1024,
  messageChars: 2000,
});

const ELLIPSIS = '…';

function cut(text: string, max: number): { text: string; cut: boolean } {
  return text.length <= max
    ? { text, cut: false }
    : { text: `${text.slice(0, Math.max(0, max - 1))}${ELLIPSIS}`, cut: true };
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
  } catch {
    return String(value);
  }
}

/** One cell as a JSON-safe value of bounded size; `cut` when it had to be shortened. */
function boundCell(value: unknown, max: number): { value: unknown; cut: boolean } {
  if (value === null || value === undefined) return { value: null, cut: false };
  if (typeof value === 'boolean') return { value, cut: false };
  if (typeof value === 'number') return { value: Number.isFinite(value) ? value : String(value), cut: false };
  if (typeof value === 'bigint')
    return { value: Number.isSafeInteger(Number(value)) ? Number(value) : value.toString(), cut: false };
  if (typeof value === 'string') {
    const c = cut(value, max);
    return { value: c.text, cut: c.cut };
  }
  // Lists and structs: kept as they are when small, else as their cut JSON text.
  const text = jsonText(value);
  if (text.length <= max) return { value: JSON.parse(text) as unknown, cut: false };
  const c = cut(text, max);
  return { value: c.text, cut: true };
}

function boundRow(row: Row, max: number): { row: Record<string, unknown>; cut: boolean } {
  const out: Record<string, unknown> = {};
  let wasCut = false;
  for (const [name, value] of Object.entries(row)) {
    const c = boundCell(value, max);
    out[name] = c.value;
    wasCut ||= c.cut;
  }
  return { row: out, cut: wasCut };
}

/** Samples cut to `bounds`, in order: once the budget is spent, later rows are dropped. */
export function boundSamples(
  samples: readonly FailingSample[],
  bounds: ReportBounds = DEFAULT_REPORT_BOUNDS,
): StoredSample[] {
  let budget = bounds.samplesChars;
  return samples.map((sample) => {
    const rows: Row[] = [];
    let truncated = false;
    for (const original of sample.rows) {
      const { row, cut: wasCut } = boundRow(original, bounds.cellChars);
      const size = JSON.stringify(row).length + 1;
      if (size > budget) {
        truncated = true;
        break;
      }
      budget -= size;
      rows.push(row as Row);
      truncated ||= wasCut;
    }
    const error = sample.error === undefined ? undefined : cut(sample.error, bounds.messageChars).text;
    return {
      rule: sample.rule,
      rows,
      masked: [...sample.masked],
      ...(error === undefined ? {} : { error }),
      ...(truncated ? { truncated: true } : {}),
    };
  });
}

/** Results with their messages cut to `bounds.messageChars`. */
export function boundResults(
  results: readonly CheckResult[],
  bounds: ReportBounds = DEFAULT_REPORT_BOUNDS,
): CheckResult[] {
  return results.map((r) =>
    r.message.length <= bounds.messageChars ? r : { ...r, message: cut(r.message, bounds.messageChars).text },
  );
}
