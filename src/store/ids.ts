/**
 * Ids for deploys and runs: UUIDv7 (RFC 9562), so ids sort in the order they were made. Within
 * one process they are strictly increasing (a 12-bit counter in `rand_a`, method 1 of the RFC),
 * which breaks ties between rows made in the same millisecond.
 */

/** Makes UUIDv7 strings; `clock` and `random` are there for tests. */
export function createIdGenerator(
  clock: () => number = Date.now,
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = clock();
    if (ms > lastMs) {
      counter = 0;
    } else {
      ms = lastMs;
      counter += 1;
      if (counter > 0xfff) {
        ms += 1;
        counter = 0;
      }
    }
    lastMs = ms;
    const bytes = random(new Uint8Array(16));
    let rest = ms;
    for (let i = 5; i >= 0; i -= 1) {
      bytes[i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
