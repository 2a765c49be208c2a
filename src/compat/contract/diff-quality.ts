import type { QualityRule } from '../../spec/model/data-contract.js';
import type { Emit } from './change-recorder.js';
import { pairByName } from './pair-by-name.js';
import { describeThreshold, thresholdMove } from './quality-acceptance.js';

/** Fields of a rule that change what it checks, besides its operator, threshold and unit. */
const DEFINITION = [
  'type',
  'metric',
  'query',
  'engine',
  'arguments',
  'implementation',
  'severity',
  'dimension',
  'description',
] as const;

const carriesValidValues = (rule: QualityRule): boolean => Array.isArray(rule.arguments?.validValues);

/** Allowed values are compared by diffEnum; here the rule's other arguments count. */
function definition(rule: QualityRule, field: (typeof DEFINITION)[number]): string {
  if (field === 'arguments' && rule.arguments !== undefined) {
    const { validValues: _, ...rest } = rule.arguments;
    return JSON.stringify(rest);
  }
  return JSON.stringify(rule[field]) ?? '';
}

/** Rules pair by name, else by metric, else by SQL query, else by type and description. */
function identity(rule: QualityRule): string {
  if (rule.name !== undefined) return `name:${rule.name}`;
  if (rule.metric !== undefined) return `metric:${rule.metric}`;
  if (rule.query !== undefined) return `query:${rule.query.replace(/\s+/g, ' ').trim()}`;
  return `${rule.type}:${rule.description ?? ''}:${JSON.stringify(rule.implementation) ?? ''}`;
}

/** Labels for the path: name, metric or type, numbered when one list repeats a label. */
function labels(rules: readonly QualityRule[]): Map<QualityRule, string> {
  const base = rules.map((r) => r.name ?? r.metric ?? r.type);
  const seen = new Map<string, number>();
  const out = new Map<QualityRule, string>();
  rules.forEach((rule, i) => {
    const label = base[i] ?? rule.type;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    out.set(rule, base.filter((b) => b === label).length > 1 ? `${label}#${n}` : label);
  });
  return out;
}

const summary = (rule: QualityRule): string =>
  rule.operator === undefined ? '' : ` (${describeThreshold(rule)})`;

/**
 * Compares the quality rules of one schema object or property (`owner`). A rule is a promise
 * about the dataset, checked after each run: adding or tightening one promises more and is not
 * breaking (rows written before may fail it, which is the producer's problem, so the message
 * says so); removing or loosening one withdraws a promise consumers may rely on and is breaking.
 * With `skipEnumRules`, rules that only carry allowed values are left to diffEnum when added
 * or removed.
 */
export function diffQuality(
  olds: readonly QualityRule[],
  news: readonly QualityRule[],
  owner: string,
  emit: Emit,
  skipEnumRules: boolean,
): void {
  const oldLabels = labels(olds);
  const newLabels = labels(news);
  const naming = { name: identity, renamedFrom: () => undefined };
  for (const pair of pairByName(olds, news, naming)) {
    if (pair.kind === 'added') {
      if (skipEnumRules && carriesValidValues(pair.new)) continue;
      const label = newLabels.get(pair.new) ?? pair.new.type;
      emit({
        type: 'quality-rule-added',
        path: `${owner}.quality.${label}`,
        breaking: false,
        message: `quality rule ${label}${summary(pair.new)} added to ${owner}: a new promise, checked from the next run; rows written before may fail it`,
        newAt: pair.new.path,
      });
      continue;
    }
    if (pair.kind === 'removed') {
      if (skipEnumRules && carriesValidValues(pair.old)) continue;
      const label = oldLabels.get(pair.old) ?? pair.old.type;
      emit({
        type: 'quality-rule-removed',
        path: `${owner}.quality.${label}`,
        breaking: true,
        message: `quality rule ${label}${summary(pair.old)} removed from ${owner}: consumers lose the guarantee it gave`,
        oldAt: pair.old.path,
      });
      continue;
    }
    diffRule(pair.old, pair.new, owner, newLabels.get(pair.new) ?? pair.new.type, emit);
  }
}

function diffRule(old: QualityRule, next: QualityRule, owner: string, label: string, emit: Emit): void {
  const path = `${owner}.quality.${label}`;
  const move = thresholdMove(old, next);
  if (move !== 'same') {
    const from = describeThreshold(old);
    const to = describeThreshold(next);
    const at = (rule: QualityRule) =>
      rule.operator === undefined ? rule.path : [...rule.path, rule.operator];
    const why = {
      tightened: 'a stronger promise; rows written before may fail it',
      loosened: 'consumers may now receive data the old rule rejected',
      changed: 'the two cannot be ordered, so review what consumers may now receive',
    }[move];
    emit({
      type:
        move === 'tightened'
          ? 'quality-threshold-tightened'
          : move === 'loosened'
            ? 'quality-threshold-loosened'
            : 'quality-rule-changed',
      path,
      breaking: move === 'loosened',
      message: `threshold of quality rule ${label} on ${owner} ${move} from ${from} to ${to}: ${why}`,
      oldAt: at(old),
      newAt: at(next),
    });
  }
  const fields = DEFINITION.filter((f) => definition(old, f) !== definition(next, f));
  if (fields.length > 0)
    emit({
      type: 'quality-rule-changed',
      path,
      breaking: false,
      message: `quality rule ${label} on ${owner} changed (${fields.join(', ')}): review what it now checks`,
      oldAt: old.path,
      newAt: next.path,
    });
}
