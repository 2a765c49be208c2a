/**
 * Seeded randomness for the demo data generator. Nothing under `src/demo/` may call Math.random or
 * read the clock: the same seed must give the same bytes.
 *
 * `Random` is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, public domain): 128 bits
 * of state, passes PractRand, and costs a few integer operations per number. Its state is derived
 * from a seed and any number of keys, so each part of the generator can draw from its own
 * independent stream (`Random.of(seed, 'orders')`) or derive an entity from its index alone
 * (`Random.of(seed, 'customer', 42)`) without replaying everything before it.
 */
import { MeshplaneError } from '../errors/index.js';

/** A key that selects an independent stream: a name, an index, or both. */
export type RandomKey = string | number;

/** MurmurHash3's 32-bit finalizer: every input bit affects every output bit. */
function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixKey(hash: number, key: RandomKey): number {
  let h = hash;
  if (typeof key === 'number') {
    // Both halves of a safe integer, so 2^32 + 1 and 1 differ.
    h = fmix32(h ^ (key >>> 0));
    h = fmix32(h ^ Math.floor(key / 4294967296) ^ 0x5bd1e995);
    return h;
  }
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return fmix32(h ^ key.length);
}

function hashKeys(seed: number, keys: readonly RandomKey[], lane: number): number {
  let h = fmix32(0x9e3779b9 ^ Math.imul(lane + 1, 0x27d4eb2f));
  h = mixKey(h, seed);
  for (const key of keys) h = mixKey(h, key);
  return h;
}

/**
 * A uniform number in [0, 1) that depends only on the seed and keys: cheaper than a `Random` when
 * one number is all that is needed (a customer's place in the timeline, say).
 */
export function hashUnit(seed: number, ...keys: readonly RandomKey[]): number {
  return hashKeys(seed, keys, 7) / 4294967296;
}

/** A seeded pseudo-random stream (sfc32). Not for cryptography. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    // sfc32's recommended warm-up, so streams with related seeds part quickly.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The stream for a seed and keys; the same arguments always give the same stream. */
  static of(seed: number, ...keys: readonly RandomKey[]): Random {
    return new Random(
      hashKeys(seed, keys, 0),
      hashKeys(seed, keys, 1),
      hashKeys(seed, keys, 2),
      hashKeys(seed, keys, 3) | 1,
    );
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniform element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new MeshplaneError('INTERNAL', 'Random.pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * An index drawn in proportion to weights, given as their running totals (`cumulative[i]` is the
   * sum of weights 0..i). Only the first `count` entries take part.
   */
  weighted(cumulative: ArrayLike<number>, count: number = cumulative.length): number {
    if (count <= 0) throw new MeshplaneError('INTERNAL', 'Random.weighted over no weights');
    const target = this.next() * (cumulative[count - 1] ?? 0);
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

/** Running totals of `weights`, for `Random.weighted`. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}
