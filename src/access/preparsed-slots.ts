import { MeshplaneError } from '../errors/index.js';
import { preparsePolicySet, preparseSchema } from './cedar.js';

/**
 * Cedar re-parses the whole policy set on every plain `isAuthorized` call (about 15 ms for 100
 * policies on a small machine); a preparsed set answers in well under a millisecond. Cedar keeps
 * preparsed sets in a process-wide cache that has no eviction, so decision points share a fixed
 * number of named slots: a decision point whose slot was taken by another re-preparses before its
 * next decision. JavaScript runs one call at a time, so "check the owner, then authorize" cannot be
 * interleaved with another decision point's preparse.
 */
const SLOT_COUNT = 8;

interface Slot {
  readonly name: string;
  owner: object | undefined;
  lastUse: number;
}

const slots: Slot[] = Array.from({ length: SLOT_COUNT }, (_, i) => ({
  name: `meshplane-decision-point-${i}`,
  owner: undefined,
  lastUse: 0,
}));
let clock = 0;

/** What a decision point preparses into its slot. */
export interface PreparseInput {
  readonly schema: string;
  readonly policies: Readonly<Record<string, string>>;
}

/**
 * Returns the slot name under which `owner`'s schema and policy set are preparsed, preparsing them
 * (into the least recently used slot) when they are not there. Throws INTERNAL when Cedar refuses
 * them, which compilePolicies makes impossible for policies that passed validation.
 */
export function preparsedSlot(owner: object, input: PreparseInput): string {
  clock += 1;
  const mine = slots.find((s) => s.owner === owner);
  if (mine !== undefined) {
    mine.lastUse = clock;
    return mine.name;
  }
  const slot = slots.reduce((a, b) => (b.lastUse < a.lastUse ? b : a));
  // The slot is disowned first: if a preparse fails, no one keeps using a half-replaced slot.
  slot.owner = undefined;
  const schema = preparseSchema(slot.name, input.schema);
  if (schema.type === 'failure') throw refused(schema.errors);
  const set = preparsePolicySet(slot.name, { staticPolicies: { ...input.policies } });
  if (set.type === 'failure') throw refused(set.errors);
  slot.owner = owner;
  slot.lastUse = clock;
  return slot.name;
}

function refused(errors: readonly { message: string }[]): MeshplaneError {
  return new MeshplaneError(
    'INTERNAL',
    `Cedar refused to preparse: ${errors.map((e) => e.message).join('; ')}`,
  );
}
