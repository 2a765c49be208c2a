import type { StreamRecord } from '../stream/stream-types.js';
import type { HttpPullConfig } from './http-pull-config.js';
import { compareWatermarks, isWatermarkValue, laterWatermark, type WatermarkValue } from './watermark.js';

export interface PageRecords {
  readonly records: StreamRecord[];
  /** Items left out as not newer than the walk's watermark. */
  readonly skipped: number;
  /** The highest watermark seen so far, these items included. */
  readonly high: WatermarkValue | undefined;
}

/** The idempotency key of `item`: its id field's value, or the JSON list of its id fields' values. */
export function recordKey(item: unknown, idFields: readonly string[]): string | undefined {
  if (idFields.length === 0 || typeof item !== 'object' || item === null || Array.isArray(item))
    return undefined;
  const values: unknown[] = [];
  for (const field of idFields) {
    const value = Object.hasOwn(item, field) ? (item as Record<string, unknown>)[field] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      return undefined;
    values.push(value);
  }
  return values.length === 1 ? String(values[0]) : JSON.stringify(values);
}

function fieldOf(item: unknown, field: string): unknown {
  return typeof item === 'object' && item !== null && !Array.isArray(item) && Object.hasOwn(item, field)
    ? (item as Record<string, unknown>)[field]
    : undefined;
}

/**
 * The stream records of one page's items. With a watermark, an item is new when its field is
 * greater than the watermark the walk started with (`since`); with idempotency keys as well, an
 * item equal to it is kept too, because the sink drops it if it was stored, and a record that
 * shares the last stored instant is not lost. An item without a comparable value is kept on the
 * first pull only. Every item goes to the sink, which quarantines what breaks the contract. Pure.
 */
export function pageRecords(
  config: HttpPullConfig,
  items: readonly unknown[],
  since: WatermarkValue | undefined,
  high: WatermarkValue | undefined,
  /** The page, for quarantine rows: `http-pull:<url>#<page>`; each record's position is its place in the page. */
  source: string,
): PageRecords {
  const records: StreamRecord[] = [];
  let skipped = 0;
  let highest = high;
  const inclusive = config.idFields.length > 0;
  items.forEach((item, i) => {
    const key = recordKey(item, config.idFields);
    if (config.watermark !== undefined) {
      const mark = fieldOf(item, config.watermark.field);
      const comparable = isWatermarkValue(mark);
      if (since !== undefined) {
        const order = comparable ? compareWatermarks(mark, since) : undefined;
        if (order === undefined || order < 0 || (order === 0 && !inclusive)) {
          skipped++;
          return;
        }
      }
      if (comparable) highest = laterWatermark(highest, mark);
    }
    records.push({ value: item, ...(key === undefined ? {} : { key }), source, position: i + 1 });
  });
  return { records, skipped, high: highest };
}
