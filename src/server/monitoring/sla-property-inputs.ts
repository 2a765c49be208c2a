/**
 * A contract's SLA entries for `parseSla`: the normalized entries, plus the ODCS v3.1 fields the
 * normalized model leaves out (`id`, `description`, `scheduler`, `schedule`) read from the raw
 * document the registry stored, matched by position. Pure.
 */
import type { SlaPropertyInput } from '../../quality/sla/index.js';
import type { SlaProperty } from '../../spec/model/data-contract.js';

const MAX_TEXT = 500;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT ? value : undefined;
}

/** The raw `slaProperties[i]` of a document, when it is an object. */
function rawEntry(document: unknown, index: number): Record<string, unknown> | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const list = (document as { slaProperties?: unknown }).slaProperties;
  const entry = Array.isArray(list) ? list[index] : undefined;
  return typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined;
}

/** The entries with the raw document's extra fields, where it has the same property at the same place. */
export function slaPropertyInputs(properties: readonly SlaProperty[], document: unknown): SlaPropertyInput[] {
  return properties.map((property) => {
    const index = property.path[0] === 'slaProperties' ? property.path[1] : undefined;
    const raw = typeof index === 'number' ? rawEntry(document, index) : undefined;
    if (raw === undefined || raw.property !== property.property) return property;
    const extra = {
      id: text(raw.id),
      description: text(raw.description),
      scheduler: text(raw.scheduler),
      schedule: text(raw.schedule),
    };
    return {
      ...property,
      ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
    } as SlaPropertyInput;
  });
}
