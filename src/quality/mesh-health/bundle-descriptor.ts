/**
 * The facts the health report needs from a product that never deployed successfully, so is not
 * registered: its domain and custom properties, read from the descriptor (`*.odps.yaml` or
 * `.json`) of a deploy bundle kept in the journal. Total: anything unreadable is left out.
 */
import { parse } from 'yaml';

export interface BundleDescriptorFacts {
  /** Lower-cased, as the runtime names domains. */
  readonly domain?: string;
  readonly customProperties: readonly { readonly property: string; readonly value: unknown }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function descriptorText(bundle: unknown): string | undefined {
  const files = isRecord(bundle) ? bundle.files : undefined;
  if (!Array.isArray(files)) return undefined;
  for (const file of files) {
    if (!isRecord(file) || typeof file.path !== 'string' || typeof file.content !== 'string') continue;
    if (/\.odps\.(ya?ml|json)$/.test(file.path)) return file.content;
  }
  return undefined;
}

/** The domain and custom properties of the bundle's product descriptor, as far as readable. */
export function bundleDescriptorFacts(bundle: unknown): BundleDescriptorFacts {
  const text = descriptorText(bundle);
  let document: unknown;
  try {
    document = text === undefined ? undefined : parse(text);
  } catch {
    document = undefined;
  }
  if (!isRecord(document)) return { customProperties: [] };
  const domain =
    typeof document.domain === 'string' && document.domain.trim() !== '' ? document.domain : undefined;
  const list = Array.isArray(document.customProperties) ? document.customProperties : [];
  const customProperties = list.flatMap((p) =>
    isRecord(p) && typeof p.property === 'string' ? [{ property: p.property, value: p.value }] : [],
  );
  return { ...(domain === undefined ? {} : { domain: domain.trim().toLowerCase() }), customProperties };
}
