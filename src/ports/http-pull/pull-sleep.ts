/** setTimeout's longest delay; a longer one fires at once (a cron schedule may wait a year). */
const MAX_TIMER_MS = 2 ** 31 - 1;

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Waits `ms`, or less when `signal` aborts first; never rejects, so callers check `signal.aborted` after. */
export async function pullSleep(ms: number, signal: AbortSignal): Promise<void> {
  const until = Date.now() + ms;
  for (let left = ms; left > 0 && !signal.aborted; left = until - Date.now()) {
    await wait(Math.min(left, MAX_TIMER_MS), signal);
  }
}
