import { MeshplaneError } from '../errors/index.js';

/** The named sizes of the demo data. */
export type ShopScaleName = 'small' | 'medium' | 'large';

/** A named size, or the exact number of order lines to write. */
export type ShopScale = ShopScaleName | number;

/** How much data one generation writes. Orders and shipments follow from the order lines. */
export interface ScalePlan {
  /** `small`, `medium`, `large`, or the number given. */
  readonly name: string;
  /** Order lines written, exactly (bad rows included). */
  readonly orderLines: number;
  /** CRM customer accounts. */
  readonly customers: number;
}

/** Order lines per named scale: small is the default demo, large is at least a million lines. */
export const SCALE_ORDER_LINES: Readonly<Record<ShopScaleName, number>> = {
  small: 15_000,
  medium: 150_000,
  large: 1_500_000,
};

/** One customer account per this many order lines: 1,000 customers at the small scale. */
const LINES_PER_CUSTOMER = 15;

/** Above this the generator would run for hours; a typo such as an extra zero is more likely. */
const MAX_ORDER_LINES = 100_000_000;

function isScaleName(value: string): value is ShopScaleName {
  return Object.hasOwn(SCALE_ORDER_LINES, value);
}

/** Turns a scale into counts. Throws INVALID_INPUT for anything but a name or a positive integer. */
export function resolveScale(scale: ShopScale): ScalePlan {
  const orderLines = typeof scale === 'number' ? scale : isScaleName(scale) ? SCALE_ORDER_LINES[scale] : NaN;
  if (!Number.isSafeInteger(orderLines) || orderLines < 1 || orderLines > MAX_ORDER_LINES) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `scale must be small, medium, large or a number of order lines from 1 to ${MAX_ORDER_LINES}, not '${String(scale)}'`,
    );
  }
  return {
    name: String(scale),
    orderLines,
    customers: Math.max(1, Math.round(orderLines / LINES_PER_CUSTOMER)),
  };
}

/** Reads a scale as typed on a command line: a name, or digits (`1000000`, `1_000_000`). */
export function parseScale(text: string): ShopScale {
  const trimmed = text.trim();
  if (isScaleName(trimmed)) return trimmed;
  if (/^\d[\d_]*$/.test(trimmed)) return Number(trimmed.replaceAll('_', ''));
  throw new MeshplaneError(
    'INVALID_INPUT',
    `--scale must be small, medium, large or a number of order lines, not '${text}'`,
  );
}
