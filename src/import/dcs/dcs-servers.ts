import { arr, isObj, type Obj, str } from '../../spec/model/read-value.js';
import { coerceToFact } from '../fits-fact.js';
import type { ImportGap } from '../imported-table.js';
import { type FieldFact, ODCS_SERVER_TYPES, serverFacts } from '../odcs-facts.js';
import type { OdcsCustomProperty } from '../odcs-types.js';

/** DCS server field names that ODCS spells differently. */
const RENAMED: Readonly<Record<string, string>> = {
  service_name: 'serviceName',
  endpoint_url: 'endpointUrl',
};

/** Keys of a server entry read apart from its type-specific fields. */
const BASE = new Set(['type', 'description', 'environment', 'roles']);

function roles(value: unknown, where: string, gaps: ImportGap[]): Obj[] | undefined {
  const out = arr(value).flatMap((role) => {
    const name = isObj(role) ? (str(role.name) ?? str(role.role)) : undefined;
    if (name === undefined || !isObj(role)) {
      gaps.push({ where, message: 'a role without a name dropped' });
      return [];
    }
    const description = str(role.description);
    return [{ role: name, ...(description === undefined ? {} : { description }) }];
  });
  return out.length > 0 ? out : undefined;
}

/**
 * Fills the fields of an ODCS server of `type` from a DCS server; returns what did not fit (not a
 * field of that type, or a value of the wrong kind such as a placeholder where a URI is expected).
 */
function describe(fact: FieldFact | undefined, type: string): string {
  if (fact === undefined) return `not a field of an ODCS ${type} server`;
  return `ODCS wants ${fact.format === undefined ? `a ${fact.type ?? 'different'} value` : `a ${fact.format}`} there`;
}

/**
 * Fills the fields of an ODCS server of `type` from a DCS server; returns what did not fit (not a
 * field of that type, or a value of the wrong kind such as a placeholder where a URI is expected),
 * each with the reason.
 */
function fill(type: string, server: Obj, target: Record<string, unknown>): [string, unknown, string][] {
  const facts = serverFacts(type);
  const rest: [string, unknown, string][] = [];
  for (const [key, value] of Object.entries(server)) {
    if (BASE.has(key)) continue;
    const field = RENAMED[key] ?? key;
    const fact = facts?.fields.get(field);
    const fitted = fact === undefined ? undefined : coerceToFact(fact, value);
    if (fitted === undefined) rest.push([key, value, describe(fact, type)]);
    else target[field] = fitted;
  }
  return rest;
}

function missing(type: string, server: Record<string, unknown>): string[] {
  return (serverFacts(type)?.required ?? []).filter((field) => server[field] === undefined);
}

/**
 * One DCS server as an ODCS server. Type-specific fields map onto the ODCS fields of that type;
 * anything ODCS has no field for is kept as a server custom property and reported. A server whose
 * type ODCS does not know, or that lacks a field ODCS requires for its type, becomes a `custom`
 * server (which requires nothing) with its original type kept, so the contract still validates.
 */
export function dcsServer(name: string, raw: unknown, where: string, gaps: ImportGap[]): Obj {
  const server = isObj(raw) ? raw : {};
  const declared = str(server.type)?.toLowerCase() ?? 'custom';
  let type = ODCS_SERVER_TYPES.includes(declared) ? declared : 'custom';
  let fields: Record<string, unknown> = {};
  let rest = fill(type, server, fields);
  const lacking = missing(type, fields);
  if (type !== declared) {
    gaps.push({ where, message: `server type '${declared}' is not an ODCS server type: written as custom` });
  } else if (lacking.length > 0) {
    gaps.push({
      where,
      message: `ODCS requires ${lacking.join(', ')} for a ${type} server, and the source has no usable value: written as a custom server`,
    });
    type = 'custom';
    fields = {};
    rest = fill(type, server, fields);
  }
  const custom: OdcsCustomProperty[] = type === declared ? [] : [{ property: 'serverType', value: declared }];
  for (const [key, value, reason] of rest) {
    custom.push({ property: key, value });
    gaps.push({ where, message: `'${key}' kept as a custom property: ${reason}` });
  }
  const description = str(server.description);
  const environment = str(server.environment);
  const serverRoles = roles(server.roles, where, gaps);
  return {
    server: name,
    type,
    ...(description === undefined ? {} : { description }),
    ...(environment === undefined ? {} : { environment }),
    ...fields,
    ...(serverRoles === undefined ? {} : { roles: serverRoles }),
    ...(custom.length > 0 ? { customProperties: custom } : {}),
  };
}
