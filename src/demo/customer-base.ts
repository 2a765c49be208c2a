import { hashUnit, Random } from './random.js';
import type { ShopCalendar } from './shop-calendar.js';
import { DAY_MS, wholeSeconds } from './time-format.js';

/** When a customer account was opened and when it changed afterwards (updates sorted, before "now"). */
export interface CustomerTimeline {
  readonly createdAt: number;
  readonly updates: readonly number[];
}

/** Share of accounts opened before the order window; the rest sign up during it. */
const PRE_WINDOW_SHARE = 0.6;

/**
 * How much one account buys relative to others: Pareto with α = 1.25, capped, so a few customers
 * order every week while many order once or never.
 */
function buyingWeight(random: Random): number {
  return Math.min(40, (1 - random.next()) ** -0.8);
}

/**
 * The customer accounts, addressed by index: customer i is `C-<1001 + i>`, and accounts are
 * numbered in the order they were opened. Everything about an account is computed from the seed
 * and its index, so no list of customers is ever held; only one running total of buying weights
 * per account (8 bytes each) is kept, to pick buyers in proportion to them.
 */
export class CustomerBase {
  readonly count: number;
  /** Accounts opened before the order window: indices [0, preWindow). */
  readonly preWindow: number;
  private readonly seed: number;
  private readonly calendar: ShopCalendar;
  private readonly cumulative: Float64Array;

  constructor(seed: number, count: number, calendar: ShopCalendar) {
    this.seed = seed;
    this.count = count;
    this.calendar = calendar;
    this.preWindow = Math.max(1, Math.min(count, Math.floor(count * PRE_WINDOW_SHARE)));
    this.cumulative = new Float64Array(count);
    const random = Random.of(seed, 'customer-weights');
    let sum = 0;
    for (let i = 0; i < count; i++) {
      sum += buyingWeight(random);
      this.cumulative[i] = sum;
    }
  }

  /** The CRM account number of customer `index`. */
  id(index: number): string {
    return `C-${1001 + index}`;
  }

  /** Where account `index` sits on the time line: slot start and length. */
  private slot(index: number): { readonly start: number; readonly length: number } {
    const { accountsStartMs, windowStartMs, referenceMs } = this.calendar;
    if (index < this.preWindow) {
      const length = (windowStartMs - accountsStartMs) / this.preWindow;
      return { start: accountsStartMs + index * length, length };
    }
    const length = (referenceMs - windowStartMs) / Math.max(1, this.count - this.preWindow);
    return { start: windowStartMs + (index - this.preWindow) * length, length };
  }

  /** When account `index` was opened: inside its own slot, so opening times grow with the index. */
  createdAt(index: number): number {
    const { start, length } = this.slot(index);
    return wholeSeconds(start + hashUnit(this.seed, 'customer-created', index) * length);
  }

  /** When account `index` was opened and changed. */
  timeline(index: number): CustomerTimeline {
    const createdAt = this.createdAt(index);
    const draw = hashUnit(this.seed, 'customer-updates', index);
    const changes = index < this.preWindow ? (draw < 0.05 ? 2 : draw < 0.25 ? 1 : 0) : draw < 0.12 ? 1 : 0;
    const from = Math.max(createdAt, this.calendar.windowStartMs) + DAY_MS;
    const span = this.calendar.referenceMs - from;
    if (changes === 0 || span <= 0) return { createdAt, updates: [] };
    const updates: number[] = [];
    for (let k = 0; k < changes; k++) {
      updates.push(wholeSeconds(from + hashUnit(this.seed, 'customer-update-at', index, k) * span));
    }
    return { createdAt, updates: updates.sort((a, b) => a - b) };
  }

  /** How many accounts (indices 0 to n-1) were all open at time `t`. */
  openedBy(t: number): number {
    const { accountsStartMs, windowStartMs } = this.calendar;
    let n: number;
    if (t < windowStartMs) {
      const length = (windowStartMs - accountsStartMs) / this.preWindow;
      n = Math.floor((t - accountsStartMs) / length);
    } else {
      const { length } = this.slot(this.preWindow);
      n = this.preWindow + Math.floor((t - windowStartMs) / length);
    }
    n = Math.max(0, Math.min(this.count, n));
    while (n > 0 && this.createdAt(n - 1) > t) n--;
    return n;
  }

  /** A buyer for an order placed at `t`, in proportion to buying weight among open accounts. */
  pickBuyer(t: number, random: Random): number {
    return random.weighted(this.cumulative, Math.max(1, this.openedBy(t)));
  }
}
