import { MeshplaneError } from '../../errors/index.js';
import { compareSchemas } from './compare-schemas.js';
import {
  COMPATIBILITY_MODES,
  type CompatibilityMode,
  isCompatibilityMode,
  type RuleSet,
} from './compatibility-mode.js';
import type { Schema, SchemaDifference } from './schema-difference.js';

export interface SchemaVersion {
  /** Shown in results, e.g. `1.2.0`. */
  readonly label: string;
  /** The schema as its consumers read with it. */
  readonly reader: Schema;
  /** The schema as its producers wrote with it (the same object for plain JSON Schema). */
  readonly writer: Schema;
}

/** One checked pair: which earlier version, which direction, and its differences. */
export interface CompatibilityCheck {
  readonly against: string;
  readonly direction: 'backward' | 'forward';
  readonly compatible: boolean;
  readonly differences: readonly SchemaDifference[];
}

export interface CompatibilityResult {
  readonly compatible: boolean;
  readonly mode: CompatibilityMode;
  readonly ruleSet: RuleSet;
  readonly checks: readonly CompatibilityCheck[];
}

/**
 * Checks `candidate` against `history` (oldest first) under `mode`. Transitive modes check every
 * earlier version, newest first; the others only the latest. BACKWARD: `candidate.reader` reads
 * each earlier `writer`. FORWARD: each earlier `reader` reads `candidate.writer`. FULL: both, the
 * backward check first. NONE: compatible, no checks. An unknown mode or rule set is INVALID_INPUT.
 */
export function checkCompatibility(
  mode: CompatibilityMode,
  candidate: SchemaVersion,
  history: readonly SchemaVersion[],
  ruleSet: RuleSet = 'strict',
): CompatibilityResult {
  if (!isCompatibilityMode(mode))
    throw new MeshplaneError('INVALID_INPUT', `Unknown compatibility mode "${String(mode)}".`, {
      details: { expected: COMPATIBILITY_MODES },
    });
  if (ruleSet !== 'strict' && ruleSet !== 'lenient')
    throw new MeshplaneError('INVALID_INPUT', `Unknown rule set "${String(ruleSet)}".`, {
      details: { expected: ['strict', 'lenient'] },
    });
  if (mode === 'NONE') return { compatible: true, mode, ruleSet, checks: [] };
  const earlier = mode.endsWith('_TRANSITIVE') ? [...history].reverse() : history.slice(-1);
  const backward = mode.startsWith('BACKWARD') || mode.startsWith('FULL');
  const forward = mode.startsWith('FORWARD') || mode.startsWith('FULL');
  const checks: CompatibilityCheck[] = [];
  const check = (
    against: string,
    direction: CompatibilityCheck['direction'],
    reader: Schema,
    writer: Schema,
  ) => {
    const differences = compareSchemas(reader, writer, ruleSet);
    checks.push({ against, direction, compatible: differences.every((d) => d.compatible), differences });
  };
  for (const version of earlier) {
    if (backward) check(version.label, 'backward', candidate.reader, version.writer);
    if (forward) check(version.label, 'forward', version.reader, candidate.writer);
  }
  return { compatible: checks.every((c) => c.compatible), mode, ruleSet, checks };
}
