import type {
  AuthoritativeDefinition,
  CustomProperty,
  Description,
  Team,
  TeamMember,
} from './data-contract.js';
import { arr, compact, isObj, obj, str } from './read-value.js';

export function customProperties(value: unknown): readonly CustomProperty[] {
  return arr(value).flatMap((item) => {
    const o = obj(item);
    const property = str(o.property);
    return property === undefined ? [] : [{ property, value: o.value }];
  });
}

export function authoritativeDefinitions(value: unknown): readonly AuthoritativeDefinition[] {
  return arr(value).flatMap((item) => {
    const o = obj(item);
    const url = str(o.url);
    if (url === undefined) return [];
    return [compact({ type: str(o.type) ?? 'link', url, description: str(o.description) })];
  });
}

export function teamMember(value: unknown): TeamMember | undefined {
  const o = obj(value);
  const username = str(o.username) ?? str(o.name);
  if (username === undefined) return undefined;
  return compact({
    username,
    name: str(o.name),
    role: str(o.role),
    dateIn: str(o.dateIn),
    dateOut: str(o.dateOut),
  });
}

export function members(value: unknown): readonly TeamMember[] {
  return arr(value).flatMap((m) => {
    const member = teamMember(m);
    return member === undefined ? [] : [member];
  });
}

/**
 * ODCS v3.1.0 and ODPS give `team` as an object with `members`; ODCS v3.0.x gives a list of
 * members. Both read into one Team.
 */
export function team(value: unknown): Team {
  if (Array.isArray(value)) return { members: members(value) };
  if (!isObj(value)) return { members: [] };
  return compact({
    name: str(value.name),
    description: str(value.description),
    members: members(value.members),
  });
}

export function description(value: unknown): Description {
  if (typeof value === 'string') return { purpose: value };
  const o = obj(value);
  return compact({ purpose: str(o.purpose), limitations: str(o.limitations), usage: str(o.usage) });
}
