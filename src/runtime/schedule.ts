import { CronExpressionParser } from 'cron-parser';

/** A `meshplane.schedule` that means "no clock: run when new input arrives". */
export const ON_INPUT = 'on-input';

/** Why a `meshplane.schedule` value is unusable, or undefined when it is `on-input` or a valid cron expression (UTC). */
export function scheduleError(schedule: string): string | undefined {
  if (schedule === ON_INPUT) return undefined;
  try {
    CronExpressionParser.parse(schedule, { tz: 'UTC', strict: false });
    return undefined;
  } catch (error) {
    return `'${schedule}' is not a cron expression (minute hour day-of-month month day-of-week, in UTC) nor '${ON_INPUT}': ${
      error instanceof Error ? error.message : String(error)
    }`;
  }
}

/** Whether the cron `schedule` fires in the interval (from, to]. `on-input` and invalid schedules never fire. */
export function isDue(schedule: string, from: Date, to: Date): boolean {
  if (scheduleError(schedule) !== undefined || schedule === ON_INPUT) return false;
  const next = CronExpressionParser.parse(schedule, { currentDate: from, tz: 'UTC' }).next();
  return next.getTime() <= to.getTime();
}
