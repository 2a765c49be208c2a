/**
 * Cron arithmetic for SLAs: the latest firing times at or before an instant, in a time zone.
 * cron-parser is the library the runtime schedules with, so a frequency and a schedule read the
 * same expression the same way (5 fields, or 6 with seconds; `@daily` and the like).
 */
import { CronExpressionParser } from 'cron-parser';

const MAX_EXPRESSION = 200;

/** Why `expression` is not a usable cron in `timezone`, or undefined when it is. */
export function cronError(expression: string, timezone: string): string | undefined {
  if (expression.length > MAX_EXPRESSION) return `a cron expression is at most ${MAX_EXPRESSION} characters`;
  try {
    // Asking for one firing also checks the zone, which the parser only reads when iterating.
    CronExpressionParser.parse(expression, { tz: timezone, currentDate: new Date(0), strict: false }).next();
    return undefined;
  } catch (error) {
    return `'${expression}' is not a cron expression in ${timezone}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The `count` latest firings at or before `atMs`, newest first. Fewer when the expression fires
 * fewer times before then; empty for an unusable expression (callers check `cronError` first).
 */
export function firingsAtOrBefore(
  expression: string,
  timezone: string,
  atMs: number,
  count: number,
): number[] {
  const out: number[] = [];
  try {
    // prev() is strictly before the current date: start 1 ms later so a firing at atMs counts.
    const cron = CronExpressionParser.parse(expression, {
      tz: timezone,
      currentDate: new Date(atMs + 1),
      strict: false,
    });
    while (out.length < count && cron.hasPrev()) out.push(cron.prev().getTime());
  } catch {
    // No earlier firing within the parser's search range.
  }
  return out;
}

/** Whether `text` has the shape of a cron expression (so a value can be told from an interval). */
export function looksLikeCron(text: string): boolean {
  return /^@[a-z]+$/i.test(text.trim()) || /^\S+(?:\s+\S+){4,5}$/.test(text.trim());
}
