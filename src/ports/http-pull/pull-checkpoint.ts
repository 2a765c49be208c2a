import { MeshplaneError } from '../../errors/index.js';
import { isWatermarkValue, type WatermarkValue } from './watermark.js';

/** Where an unfinished walk of pages goes on. */
export type PagePosition =
  | { readonly cursor: string }
  | { readonly offset: number }
  | { readonly url: string };

/**
 * An http-pull port's resumable position, stored as JSON text with each batch (so it commits with
 * the records it covers). Between pulls it holds the watermark; during a walk of pages it also
 * holds the next page and the highest watermark seen so far, which becomes the watermark when the
 * walk ends. Pages of one walk are all filtered by the watermark the walk started with, so pages
 * that are not sorted by the watermark field lose nothing.
 */
export interface PullCheckpoint {
  readonly watermark?: WatermarkValue;
  readonly high?: WatermarkValue;
  readonly next?: PagePosition;
}

export function encodeCheckpoint(checkpoint: PullCheckpoint): string {
  return JSON.stringify(checkpoint);
}

function position(value: unknown): PagePosition | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.cursor === 'string') return { cursor: v.cursor };
  if (typeof v.offset === 'number' && Number.isInteger(v.offset) && v.offset >= 0)
    return { offset: v.offset };
  if (typeof v.url === 'string') return { url: v.url };
  return undefined;
}

/** Reads a stored checkpoint; none gives the empty one. INTERNAL when the text is not one this port wrote. */
export function decodeCheckpoint(text: string | undefined, port: string): PullCheckpoint {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MeshplaneError(
      'INTERNAL',
      `input port ${port}: the stored checkpoint ${JSON.stringify(text)} is not an http-pull one`,
    );
  }
  const v = value as Record<string, unknown>;
  const next = position(v.next);
  return {
    ...(isWatermarkValue(v.watermark) ? { watermark: v.watermark } : {}),
    ...(isWatermarkValue(v.high) ? { high: v.high } : {}),
    ...(next === undefined ? {} : { next }),
  };
}
