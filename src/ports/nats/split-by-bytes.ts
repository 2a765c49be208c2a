/**
 * Splits a pulled batch into runs of at most `maxBytes` of payload, in order, so one sink write
 * stays under the sink's byte bound whatever the messages weigh (the client cannot bound a pull by
 * both count and bytes). A message heavier than the bound is a run of its own. Pure.
 */
export function splitByBytes<T extends { readonly data: Uint8Array }>(
  items: readonly T[],
  maxBytes: number,
): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (run.length > 0 && bytes + item.data.byteLength > maxBytes) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(item);
    bytes += item.data.byteLength;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
