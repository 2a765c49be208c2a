import { percentage } from '../../compat/contract/sla-measure.js';
import { cronError, looksLikeCron } from './cron-schedule.js';
import { instantMs, isoOf } from './instant.js';
import { readDuration } from './read-duration.js';
import { readTimeOfDay } from './read-time-of-day.js';
import type {
  ParsedSla,
  SlaLifecycleDate,
  SlaNotEvaluated,
  SlaObjective,
  SlaObjectiveBase,
  SlaPropertyInput,
} from './sla-objective.js';
import { type SlaPropertyKind, slaPropertyKind } from './sla-property-kind.js';

/** Cron expressions in SLAs are read in UTC, like the runtime's `meshplane.schedule`. */
const CRON_TIMEZONE = 'UTC';

const UNMEASURED: Partial<Record<SlaPropertyKind, string>> = {
  throughput: 'Meshplane does not measure throughput yet',
  errorRate: 'Meshplane does not measure error rates yet',
  timeToDetect: 'time to detect is read from incident history, which SLA evaluation does not cover yet',
  timeToNotify: 'time to notify is read from incident history, which SLA evaluation does not cover yet',
  timeToRepair: 'time to repair is read from incident history, which SLA evaluation does not cover yet',
};

type Read =
  | { readonly objective: SlaObjective }
  | { readonly lifecycle: SlaLifecycleDate }
  | { readonly error: string };

function baseId(entry: SlaPropertyInput, kind: string): string {
  if (entry.id !== undefined && entry.id.trim() !== '') return entry.id.trim();
  const element = entry.element === undefined ? '' : `[${entry.element}]`;
  const driver = entry.driver === undefined ? '' : `/${entry.driver}`;
  return `${kind}${element}${driver}`;
}

function base(entry: SlaPropertyInput, id: string, withCheckSchedule: boolean): SlaObjectiveBase {
  const out: { -readonly [K in keyof SlaObjectiveBase]: SlaObjectiveBase[K] } = {
    id,
    property: entry.property,
    path: entry.path,
  };
  if (entry.element !== undefined) out.element = entry.element;
  if (entry.driver !== undefined) out.driver = entry.driver;
  if (entry.description !== undefined) out.description = entry.description;
  if (withCheckSchedule && entry.schedule !== undefined) {
    out.checkSchedule = { scheduler: entry.scheduler ?? 'cron', schedule: entry.schedule };
  }
  return out;
}

function lifecycle(entry: SlaPropertyInput, kind: SlaLifecycleDate['kind']): Read {
  const text = typeof entry.value === 'string' ? entry.value.trim() : undefined;
  const ms =
    text === undefined
      ? undefined
      : /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? instantMs(`${text}T00:00:00Z`)
        : instantMs(text);
  if (text === undefined || ms === undefined) {
    return {
      error: `value must be a date (2032-05-12) or a date-time with a zone (2032-05-12T09:30:10-08:00)`,
    };
  }
  return { lifecycle: { kind, property: entry.property, value: text, at: isoOf(ms), path: entry.path } };
}

/** A frequency: the cron in `schedule` (ODCS `scheduler: cron`) or in the value, else an interval. */
function frequency(entry: SlaPropertyInput, id: string): Read {
  const valueCron = typeof entry.value === 'string' && entry.unit === undefined && looksLikeCron(entry.value);
  const scheduled = entry.schedule !== undefined && (entry.scheduler ?? 'cron').toLowerCase() === 'cron';
  const expression = scheduled ? entry.schedule : valueCron ? String(entry.value) : undefined;
  if (expression !== undefined) {
    const error = cronError(expression.trim(), CRON_TIMEZONE);
    if (error !== undefined) return { error };
    return {
      objective: {
        ...base(entry, id, false),
        kind: 'frequency',
        cadence: { type: 'cron', expression: expression.trim(), timezone: CRON_TIMEZONE },
      },
    };
  }
  const duration = readDuration(entry.value, entry.unit);
  if ('error' in duration)
    return { error: `${duration.error}; or give a cron in schedule with scheduler: cron` };
  return {
    objective: {
      ...base(entry, id, true),
      kind: 'frequency',
      cadence: { type: 'interval', seconds: duration.seconds },
    },
  };
}

function read(entry: SlaPropertyInput, kind: SlaPropertyKind, id: string): Read {
  switch (kind) {
    case 'latency':
    case 'retention': {
      if (kind === 'retention' && typeof entry.value === 'string' && /^\s*unlimited\s*$/i.test(entry.value)) {
        return { objective: { ...base(entry, id, true), kind, maxAgeSeconds: Number.POSITIVE_INFINITY } };
      }
      const duration = readDuration(entry.value, entry.unit);
      if ('error' in duration) return duration;
      return { objective: { ...base(entry, id, true), kind, maxAgeSeconds: duration.seconds } };
    }
    case 'frequency':
      return frequency(entry, id);
    case 'timeOfAvailability': {
      const time = readTimeOfDay(entry.value);
      if ('error' in time) return time;
      const hhmmss = [time.hour, time.minute, time.second].map((n) => String(n).padStart(2, '0')).join(':');
      return { objective: { ...base(entry, id, true), kind, time: hhmmss, timezone: time.timezone } };
    }
    case 'availability': {
      const percent = percentage(entry.value, entry.unit);
      if (percent === undefined && percentage(entry.value, undefined) !== undefined) {
        return { error: `unit '${entry.unit}' is not a percentage (use %, percent, or none)` };
      }
      if (percent === undefined || percent <= 0 || percent > 100) {
        return {
          error: `value must be a percentage above 0 and at most 100, got ${JSON.stringify(entry.value)}`,
        };
      }
      return { objective: { ...base(entry, id, true), kind, minPercent: percent } };
    }
    case 'generalAvailability':
    case 'endOfSupport':
    case 'endOfLife':
      return lifecycle(entry, kind);
    default:
      return { error: UNMEASURED[kind] ?? `Meshplane does not evaluate ${kind}` };
  }
}

/**
 * Reads a contract's `slaProperties` (normalized; see `SlaPropertyInput` for the optional ODCS v3.1
 * fields). Total: an unknown property, a property Meshplane does not measure, or a malformed value
 * becomes a `notEvaluated` entry saying why; nothing throws. Objective ids are unique within the
 * result (a repeated id gets `~2`, `~3`), so evaluations and their history can be keyed by them.
 */
export function parseSla(properties: readonly SlaPropertyInput[]): ParsedSla {
  const objectives: SlaObjective[] = [];
  const dates: SlaLifecycleDate[] = [];
  const notEvaluated: SlaNotEvaluated[] = [];
  const seen = new Map<string, number>();
  for (const entry of properties) {
    const skip = (reason: string) =>
      notEvaluated.push({ property: entry.property, reason, path: entry.path });
    if (entry.property.trim() === '') {
      skip('the entry names no property');
      continue;
    }
    const kind = slaPropertyKind(entry.property);
    if (kind === undefined) {
      skip(
        `unknown SLA property '${entry.property}': Meshplane evaluates latency (freshness), retention, frequency, timeOfAvailability and availability`,
      );
      continue;
    }
    if (entry.value === undefined || entry.value === null) {
      skip(`${entry.property} has no value`);
      continue;
    }
    let id = baseId(entry, kind);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count > 1) id = `${id}~${count}`;
    const result = read(entry, kind, id);
    if ('objective' in result) objectives.push(result.objective);
    else if ('lifecycle' in result) dates.push(result.lifecycle);
    else skip(`${entry.property}: ${result.error}`);
  }
  return { objectives, lifecycle: dates, notEvaluated };
}
