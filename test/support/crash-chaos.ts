import { randomInt } from 'node:crypto';

/**
 * The seed of a chaos test: MESHPLANE_CHAOS_SEED when set (to replay a run), else a fresh one.
 * Print it at the start of the test so a failing run can be replayed.
 */
export function chaosSeed(): number {
  const given = process.env.MESHPLANE_CHAOS_SEED;
  if (given === undefined || given.trim() === '') return randomInt(1, 2 ** 31);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`MESHPLANE_CHAOS_SEED must be a non-negative integer, not '${given}'`);
  }
  return seed;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same delays, file groups and modes. */
export class Random {
  #state: number;

  /** `stream` separates the sequences of the tests of one seed, so each replays on its own. */
  constructor(seed: number, stream = 0) {
    this.#state = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /**
   * Splits `items` into `groups` non-empty consecutive groups of random sizes (items >= groups).
   */
  split<T>(items: readonly T[], groups: number): T[][] {
    if (items.length < groups) throw new Error(`cannot split ${items.length} items into ${groups} groups`);
    const cuts = new Set<number>();
    while (cuts.size < groups - 1) cuts.add(this.int(1, items.length - 1));
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), items.length];
    return bounds.slice(1).map((end, i) => items.slice(bounds[i], end));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
