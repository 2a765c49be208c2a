import type { Property } from '../../spec/model/data-contract.js';
import type { Emit } from './change-recorder.js';
import { fieldAt } from './change-recorder.js';

/** Classifications from least to most protected. No classification ranks below `public`. */
export const CLASSIFICATION_ORDER = ['public', 'internal', 'confidential', 'restricted', 'secret'] as const;

function rank(classification: string | undefined): number | undefined {
  if (classification === undefined) return -1;
  const index = (CLASSIFICATION_ORDER as readonly string[]).indexOf(classification.trim().toLowerCase());
  return index < 0 ? undefined : index;
}

/** True when `next` protects less than `old`; values outside the order compare as text. */
export function isLowered(old: string | undefined, next: string | undefined): boolean {
  const a = rank(old);
  const b = rank(next);
  if (a !== undefined && b !== undefined) return b < a;
  return (next ?? '') < (old ?? '');
}

const show = (c: string | undefined): string => (c === undefined ? 'none' : c);

/**
 * Reports a change of classification. Lowering it is a governance event (data reaches people the
 * old level kept out) even though no consumer breaks; so is any change involving a value outside
 * the known order, whose meaning Meshplane cannot judge. Raising it is reported, not breaking:
 * consumers without clearance may then see the column masked.
 */
export function diffClassification(old: Property, next: Property, path: string, emit: Emit): void {
  if (old.classification === next.classification) return;
  // `Restricted` and `restricted` are one level: nothing to govern.
  if (rank(old.classification) !== undefined && rank(old.classification) === rank(next.classification))
    return;
  const lowered = isLowered(old.classification, next.classification);
  const unknown = rank(old.classification) === undefined || rank(next.classification) === undefined;
  const known = unknown ? ' (a level outside the known order, compared as text)' : '';
  const transition = `from ${show(old.classification)} to ${show(next.classification)}${known}`;
  emit({
    type: lowered ? 'classification-lowered' : 'classification-raised',
    path,
    breaking: false,
    governance: lowered || unknown,
    message: lowered
      ? `classification of ${path} lowered ${transition}: more people may read it, so governance must approve`
      : `classification of ${path} raised ${transition}: consumers without clearance may see it masked`,
    oldAt: fieldAt(old.path, 'classification', old.classification !== undefined),
    newAt: fieldAt(next.path, 'classification', next.classification !== undefined),
  });
}
