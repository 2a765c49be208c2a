import { isObj, type Obj, str } from '../../spec/model/read-value.js';
import type { ImportGap } from '../imported-table.js';
import type { OdcsSchemaObject } from '../odcs-types.js';

/** An ODCS SLA entry (`slaProperties` item). */
export type SlaProperty = Readonly<Record<string, unknown>> & {
  readonly property: string;
  readonly value: unknown;
};

const ISO_UNITS: readonly [RegExp, string][] = [
  [/^P(\d+(?:\.\d+)?)Y$/i, 'y'],
  [/^P(\d+(?:\.\d+)?)M$/i, 'month'],
  [/^P(\d+(?:\.\d+)?)W$/i, 'w'],
  [/^P(\d+(?:\.\d+)?)D$/i, 'd'],
  [/^PT(\d+(?:\.\d+)?)H$/i, 'h'],
  [/^PT(\d+(?:\.\d+)?)M$/i, 'min'],
  [/^PT(\d+(?:\.\d+)?)S$/i, 's'],
];
const SHORT_UNITS: Readonly<Record<string, string>> = {
  y: 'y',
  d: 'd',
  h: 'h',
  m: 'min',
  min: 'min',
  s: 's',
  w: 'w',
};

/**
 * A duration as ODCS writes it, value and unit: `P1Y` → 1 y, `PT1H` → 1 h, `25h` → 25 h. A duration
 * of several parts (`P1DT12H`) or any other text stays as the value, without a unit.
 */
export function duration(text: string): { value: string | number; unit?: string } {
  const trimmed = text.trim();
  for (const [pattern, unit] of ISO_UNITS) {
    const match = pattern.exec(trimmed);
    if (match?.[1] !== undefined) return { value: Number(match[1]), unit };
  }
  const short = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(trimmed);
  const unit = short?.[2] === undefined ? undefined : SHORT_UNITS[short[2].toLowerCase()];
  if (short?.[1] !== undefined && unit !== undefined) return { value: Number(short[1]), unit };
  return { value: trimmed };
}

/** `table.column` when the contract has that table and column, for an SLA `element`. */
function element(
  value: unknown,
  schema: readonly OdcsSchemaObject[],
  where: string,
  gaps: ImportGap[],
): string | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  const [table, column] = text.split('.', 2);
  const object = schema.find((o) => o.name === table) ?? (schema.length === 1 ? schema[0] : undefined);
  const property = column === undefined ? undefined : object?.properties.find((p) => p.name === column);
  if (object !== undefined && property !== undefined) return `${object.name}.${column}`;
  gaps.push({ where, message: `element '${text}' names no field of this contract: dropped` });
  return undefined;
}

function entry(
  property: string,
  level: Obj,
  value: unknown,
  extra: Record<string, unknown> = {},
): SlaProperty {
  const description = str(level.description);
  const timed = typeof value === 'string' ? duration(value) : { value: value ?? null };
  return {
    property,
    ...timed,
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
    ...(description === undefined ? {} : { description }),
  };
}

function cron(level: Obj): Record<string, unknown> {
  const schedule = str(level.cron);
  return schedule === undefined ? {} : { scheduler: 'cron', schedule };
}

/** The fields each DCS service level has; the others are reported. */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  availability: ['description', 'percentage'],
  retention: ['description', 'period', 'unlimited', 'timestampField'],
  latency: ['description', 'threshold', 'sourceTimestampField', 'processedTimestampField'],
  freshness: ['description', 'threshold', 'timestampField'],
  frequency: ['description', 'type', 'interval', 'cron'],
  support: ['description', 'time', 'responseTime'],
  backup: ['description', 'interval', 'cron', 'recoveryTime', 'recoveryPoint'],
};

function convert(
  name: string,
  level: Obj,
  schema: readonly OdcsSchemaObject[],
  where: string,
  gaps: ImportGap[],
) {
  const at = (field: string) => element(level[field], schema, `${where}.${field}`, gaps);
  switch (name) {
    case 'availability':
      return [entry('availability', level, str(level.percentage))];
    case 'retention':
      return [
        entry('retention', level, level.unlimited === true ? 'unlimited' : str(level.period), {
          element: at('timestampField'),
        }),
      ];
    case 'latency': {
      if (level.processedTimestampField !== undefined) {
        gaps.push({ where, message: 'processedTimestampField dropped: an ODCS SLA names one element' });
      }
      return [entry('latency', level, str(level.threshold), { element: at('sourceTimestampField') })];
    }
    case 'freshness':
      return [entry('freshness', level, str(level.threshold), { element: at('timestampField') })];
    case 'frequency':
      return [entry('frequency', level, str(level.interval) ?? str(level.type), cron(level))];
    case 'support': {
      const out = [entry('support', level, str(level.time))];
      if (level.responseTime !== undefined) out.push(entry('timeToRespond', {}, str(level.responseTime)));
      return out;
    }
    case 'backup': {
      const out = [entry('backup', level, str(level.interval), cron(level))];
      if (level.recoveryTime !== undefined) out.push(entry('recoveryTime', {}, str(level.recoveryTime)));
      if (level.recoveryPoint !== undefined) out.push(entry('recoveryPoint', {}, str(level.recoveryPoint)));
      return out;
    }
    default:
      return undefined;
  }
}

/**
 * DCS `servicelevels` as ODCS `slaProperties`: one entry per service level (two for support and
 * backup, whose second figure has its own name), durations split into value and unit, timestamp
 * fields as the `element` when the contract has that field.
 */
export function dcsServiceLevels(
  value: unknown,
  schema: readonly OdcsSchemaObject[],
  where: string,
  gaps: ImportGap[],
): SlaProperty[] {
  if (!isObj(value)) return [];
  return Object.entries(value).flatMap(([name, raw]) => {
    const at = `${where}.${name}`;
    const level = isObj(raw) ? raw : {};
    const known = KNOWN[name];
    const out = convert(name, level, schema, at, gaps);
    if (known === undefined || out === undefined) {
      gaps.push({ where: at, message: `service level '${name}' is not known: dropped` });
      return [];
    }
    for (const key of Object.keys(level)) {
      if (!known.includes(key)) gaps.push({ where: at, message: `'${key}' dropped` });
    }
    return out;
  });
}
