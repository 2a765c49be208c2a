import { isObj, type Obj, str } from '../../spec/model/read-value.js';
import type { ImportGap } from '../imported-table.js';
import type { OdcsCustomProperty } from '../odcs-types.js';

const STATUSES = ['proposed', 'draft', 'active', 'deprecated', 'retired'];
const INFO_FIELDS = new Set(['title', 'version', 'description', 'owner', 'contact', 'status']);
const TERMS_TO_DESCRIPTION = new Set(['usage', 'limitations', 'description']);

/** ODCS `status`: the DCS one when it is one of ODCS's, else `draft` (a person reviews imports). */
export function dcsStatus(info: Obj, where: string, gaps: ImportGap[]): string {
  const status = str(info.status)?.toLowerCase();
  if (status === undefined) return 'draft';
  if (STATUSES.includes(status)) return status;
  gaps.push({
    where: `${where}.status`,
    message: `status '${status}' is not an ODCS status: written as draft`,
  });
  return 'draft';
}

/** ODCS `support` channels from DCS `info.contact` (e-mail, URL, name). */
export function dcsSupport(contact: unknown): Obj[] | undefined {
  if (!isObj(contact)) return undefined;
  const name = str(contact.name);
  const email = str(contact.email);
  const url = str(contact.url);
  const out: Obj[] = [];
  if (email !== undefined) out.push({ channel: name ?? 'email', url: `mailto:${email}`, tool: 'email' });
  if (url !== undefined) out.push({ channel: name ?? 'contact', url, tool: 'other' });
  if (out.length === 0 && name !== undefined) out.push({ channel: name });
  return out.length > 0 ? out : undefined;
}

/**
 * ODCS `description` from DCS `info.description` (the purpose) and `terms`: usage and limitations
 * have their own fields; every other term (billing, noticePeriod, policies, ...) becomes a custom
 * property of the description.
 */
export function dcsDescription(info: Obj, terms: unknown): Obj | undefined {
  const t = isObj(terms) ? terms : {};
  const purpose = str(info.description) ?? str(t.description);
  const custom: OdcsCustomProperty[] = Object.entries(t)
    .filter(
      ([key]) =>
        !TERMS_TO_DESCRIPTION.has(key) || (key === 'description' && str(info.description) !== undefined),
    )
    .map(([property, value]) => ({ property: property === 'description' ? 'terms' : property, value }));
  const out: Record<string, unknown> = {};
  if (purpose !== undefined) out.purpose = purpose;
  if (str(t.usage) !== undefined) out.usage = str(t.usage);
  if (str(t.limitations) !== undefined) out.limitations = str(t.limitations);
  if (custom.length > 0) out.customProperties = custom;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Info fields DCS does not define, kept as top-level custom properties and reported. */
export function dcsInfoExtras(info: Obj, where: string, gaps: ImportGap[]): OdcsCustomProperty[] {
  return Object.entries(info).flatMap(([property, value]) => {
    if (INFO_FIELDS.has(property)) return [];
    gaps.push({
      where: `${where}.${property}`,
      message: 'not a Data Contract Specification info field: kept as a custom property',
    });
    return [{ property, value }];
  });
}
