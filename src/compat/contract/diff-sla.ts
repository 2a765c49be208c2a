import type { SlaProperty } from '../../spec/model/data-contract.js';
import type { Emit } from './change-recorder.js';
import { fieldAt } from './change-recorder.js';
import { pairByName } from './pair-by-name.js';
import { durationSeconds, percentage, timeOfDay } from './sla-measure.js';

/** ODCS spells some SLA properties two ways. */
const ALIASES: Readonly<Record<string, string>> = { freshness: 'latency', uptime: 'availability' };

/**
 * How to read each known SLA property and which way is weaker: a duration where longer is weaker
 * (latency, frequency as the interval between updates, times to detect/notify/repair), a
 * retention where shorter is weaker, a percentage where lower is weaker, a time of day where later
 * is weaker.
 */
const MEASURES: Readonly<
  Record<string, { read: (s: SlaProperty) => number | undefined; weakerWhen: 'higher' | 'lower' }>
> = {
  latency: { read: (s) => durationSeconds(s.value, s.unit), weakerWhen: 'higher' },
  frequency: { read: (s) => durationSeconds(s.value, s.unit), weakerWhen: 'higher' },
  timetodetect: { read: (s) => durationSeconds(s.value, s.unit), weakerWhen: 'higher' },
  timetonotify: { read: (s) => durationSeconds(s.value, s.unit), weakerWhen: 'higher' },
  timetorepair: { read: (s) => durationSeconds(s.value, s.unit), weakerWhen: 'higher' },
  retention: { read: (s) => durationSeconds(s.value, s.unit), weakerWhen: 'lower' },
  availability: { read: (s) => percentage(s.value, s.unit), weakerWhen: 'lower' },
  timeofavailability: { read: (s) => timeOfDay(s.value), weakerWhen: 'higher' },
};

const kind = (sla: SlaProperty): string => {
  const name = sla.property.trim().toLowerCase();
  return ALIASES[name] ?? name;
};
const identity = (sla: SlaProperty): string => `${kind(sla)}@${sla.element ?? ''}`;
const pathOf = (sla: SlaProperty): string =>
  `slaProperties.${sla.property}${sla.element === undefined ? '' : `[${sla.element}]`}`;
const show = (sla: SlaProperty): string =>
  `${typeof sla.value === 'string' ? sla.value : (JSON.stringify(sla.value) ?? 'no value')}${sla.unit === undefined ? '' : ` ${sla.unit}`}`;
const valueAt = (sla: SlaProperty) => fieldAt(sla.path, 'value', sla.value !== undefined);

/**
 * Compares the SLA properties, paired by property (and element). A weaker or removed promise
 * breaks consumers who planned on it; a stronger or new one does not. Values are normalized to
 * seconds or percent first; a change that cannot be ordered (unknown unit or property, a value
 * that is not a number) is reported as `sla-changed`, not breaking, saying why.
 */
export function diffSla(olds: readonly SlaProperty[], news: readonly SlaProperty[], emit: Emit): void {
  for (const pair of pairByName(olds, news, { name: identity, renamedFrom: () => undefined })) {
    if (pair.kind === 'added') {
      emit({
        type: 'sla-strengthened',
        path: pathOf(pair.new),
        breaking: false,
        message: `SLA ${pair.new.property} of ${show(pair.new)} added: a new promise to consumers`,
        newAt: pair.new.path,
      });
    } else if (pair.kind === 'removed') {
      emit({
        type: 'sla-weakened',
        path: pathOf(pair.old),
        breaking: true,
        message: `SLA ${pair.old.property} of ${show(pair.old)} removed: consumers lose that promise`,
        oldAt: pair.old.path,
      });
    } else {
      diffOne(pair.old, pair.new, emit);
    }
  }
}

function diffOne(old: SlaProperty, next: SlaProperty, emit: Emit): void {
  if (show(old) === show(next)) return;
  const path = pathOf(next);
  const transition = `from ${show(old)} to ${show(next)}`;
  const measure = MEASURES[kind(next)];
  const a = measure?.read(old);
  const b = measure?.read(next);
  const located = { path, oldAt: valueAt(old), newAt: valueAt(next) };
  if (measure === undefined || a === undefined || b === undefined) {
    const why =
      measure === undefined
        ? `Meshplane knows no order for ${next.property}`
        : 'the values or units cannot be compared';
    emit({
      type: 'sla-changed',
      breaking: false,
      message: `SLA ${next.property} changed ${transition}: ${why}, so review it`,
      ...located,
    });
    return;
  }
  if (a === b) {
    emit({
      type: 'sla-changed',
      breaking: false,
      message: `SLA ${next.property} rewritten ${transition}: the same promise`,
      ...located,
    });
    return;
  }
  const weakened = b > a === (measure.weakerWhen === 'higher');
  emit({
    type: weakened ? 'sla-weakened' : 'sla-strengthened',
    breaking: weakened,
    message: weakened
      ? `SLA ${next.property} weakened ${transition}: consumers who planned on the old promise break`
      : `SLA ${next.property} strengthened ${transition}`,
    ...located,
  });
}
