import { CronExpressionParser } from 'cron-parser';
import { scheduleError } from '../../runtime/schedule.js';
import { parseDuration } from '../port-duration.js';

/**
 * When an http-pull port polls: every fixed interval (`every: 5m`, first pull when the port
 * starts) or at the fire times of a cron expression in UTC (`every: "*\/15 * * * *"`, the syntax
 * of `meshplane.schedule`; no pull at start, so a restart does not add a pull the schedule did not ask for).
 */
export type PullSchedule =
  | { readonly kind: 'interval'; readonly ms: number; readonly text: string }
  | { readonly kind: 'cron'; readonly expression: string };

/** Polling faster than this is refused: it would hammer the API rather than poll it. */
export const MIN_INTERVAL_MS = 100;

/** Reads `every`; a message saying why it is unusable otherwise. Pure. */
export function pullSchedule(value: unknown): PullSchedule | string {
  if (typeof value !== 'string' || value.trim() === '') {
    return 'every must be an interval such as 5m or a cron expression such as "*/5 * * * *"';
  }
  const text = value.trim();
  const ms = parseDuration(text);
  if (ms !== undefined) {
    if (ms < MIN_INTERVAL_MS) return `every must be at least ${MIN_INTERVAL_MS}ms, not ${text}`;
    return { kind: 'interval', ms, text };
  }
  // `on-input` is a valid `meshplane.schedule` but means nothing for a poller.
  const cronError = text.split(/\s+/).length >= 5 ? scheduleError(text) : 'not an interval';
  if (cronError !== undefined || text === 'on-input') {
    return `every must be an interval (500ms, 30s, 5m, 1h, 1d) or a cron expression (UTC), not '${text}'`;
  }
  return { kind: 'cron', expression: text };
}

/** Milliseconds from `now` until the next pull after one that started at `now`. Pure. */
export function nextPullDelay(schedule: PullSchedule, now: Date): number {
  if (schedule.kind === 'interval') return schedule.ms;
  const next = CronExpressionParser.parse(schedule.expression, { currentDate: now, tz: 'UTC' }).next();
  return Math.max(0, next.getTime() - now.getTime());
}
