import { closest } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostic.js';
import { report } from './report.js';
import type { RuleContext } from './rule.js';

function suggestion(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(name, [...known]);
  return `did you mean '${best}'? known: ${known.slice(0, 10).join(', ')}`;
}

/** Each product has an owner team declared in mesh.yaml and a domain declared there. */
export function* ownershipRules(context: RuleContext): Iterable<Diagnostic> {
  const mesh = context.mesh;
  if (mesh === undefined) return; // a workspace rule: runRules calls it only with a mesh
  const teams = mesh.model.teams.map((t) => t.name);
  const domains = mesh.model.domains.map((d) => d.name);
  for (const { doc, model } of context.products) {
    const team = model.team.name;
    if (team === undefined || team === '') {
      yield report('owner-team-missing', doc, ['team'], `data product '${model.id}' names no owner team`, {
        hint: 'add `team: { name: <a team from mesh.yaml> }`',
      });
    } else if (!teams.includes(team)) {
      yield report(
        'owner-team-unknown',
        doc,
        ['team', 'name'],
        `owner team '${team}' is not declared in mesh.yaml`,
        suggestion(team, teams) === undefined ? {} : { hint: suggestion(team, teams) as string },
      );
    }
    if (model.domain !== undefined && !domains.includes(model.domain)) {
      const hint = suggestion(model.domain, domains);
      yield report(
        'domain-unknown',
        doc,
        ['domain'],
        `domain '${model.domain}' is not declared in mesh.yaml`,
        hint === undefined ? {} : { hint },
      );
    }
  }
  for (const domain of mesh.model.domains) {
    if (domain.ownerTeam !== '' && !teams.includes(domain.ownerTeam)) {
      const hint = suggestion(domain.ownerTeam, teams);
      yield report(
        'owner-team-unknown',
        mesh.doc,
        [...domain.path, 'ownerTeam'],
        `domain '${domain.name}' is owned by team '${domain.ownerTeam}', which mesh.yaml does not declare`,
        hint === undefined ? {} : { hint },
      );
    }
  }
}
