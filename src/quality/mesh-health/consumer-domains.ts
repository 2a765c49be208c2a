/**
 * Which domains a query consumer belongs to. A consumer is the name a query was made as
 * (`Meshplane-Actor`): a user, a team or a service account. It belongs to a domain when it is the
 * domain's owner team or a member of that team in mesh.yaml. Other names (`anonymous`, a user in
 * no owner team) belong to no domain, so their reads are never counted as cross-domain.
 */
import type { HealthDomainInput, HealthTeamInput } from './health-input.js';

/** A lookup from consumer name to the domains it belongs to (empty for none). */
export function consumerDomains(
  domains: readonly HealthDomainInput[],
  teams: readonly HealthTeamInput[],
): (consumer: string) => readonly string[] {
  const byName = new Map<string, Set<string>>();
  const add = (name: string, domain: string) => {
    const set = byName.get(name) ?? new Set<string>();
    set.add(domain);
    byName.set(name, set);
  };
  const members = new Map(teams.map((t) => [t.name, t.members] as const));
  for (const domain of domains) {
    add(domain.ownerTeam, domain.name);
    for (const member of members.get(domain.ownerTeam) ?? []) add(member, domain.name);
  }
  const sorted = new Map([...byName].map(([name, set]) => [name, [...set].sort()] as const));
  return (consumer) => sorted.get(consumer) ?? [];
}
