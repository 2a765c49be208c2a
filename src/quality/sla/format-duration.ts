/** Largest unit first; a duration is shown with its two largest non-zero parts. */
const PARTS: readonly (readonly [string, number])[] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/**
 * A duration in seconds as people read it in a message: `4 d 2 h`, `12 min`, `0 s`. Rounded to
 * whole seconds; two parts are enough to judge a breach and keep alerts short.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unlimited';
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return '0 s';
  const shown: string[] = [];
  for (const [name, size] of PARTS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) shown.push(`${count} ${name}`);
    else if (shown.length > 0) break;
    if (shown.length === 2) break;
  }
  return `${sign}${shown.join(' ')}`;
}
