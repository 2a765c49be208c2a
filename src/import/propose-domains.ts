import { suggestName } from '../workspace/names.js';
import { FkGraph } from './fk-graph.js';
import type { ImportedTable } from './imported-table.js';

/** A group of tables proposed as one domain. */
export interface ProposedDomain {
  /** Named after `anchor`, in the form domain names take (`order_lines`). */
  readonly name: string;
  /** The table the others refer to most: the domain's centre. */
  readonly anchor: string;
  readonly tables: readonly string[];
  /** Why these tables are together, in one sentence. */
  readonly reason: string;
}

/** A foreign key between tables of two proposed domains: a product-to-product dependency to review. */
export interface CrossDomainReference {
  readonly fromDomain: string;
  readonly fromTable: string;
  readonly columns: readonly string[];
  readonly toDomain: string;
  readonly toTable: string;
  readonly referencedColumns: readonly string[];
}

export interface DomainProposal {
  readonly domains: readonly ProposedDomain[];
  /** Tables with no foreign key to or from another imported table: the graph says nothing about them. */
  readonly unrelated: readonly string[];
  readonly crossReferences: readonly CrossDomainReference[];
  /** Foreign keys to tables that are not among those imported. */
  readonly externalReferences: readonly { readonly table: string; readonly referencedTable: string }[];
}

export interface ProposeOptions {
  /** A connected group larger than this is split (default 12). */
  readonly maxDomainTables?: number;
}

/** Past this many edges, several edges are cut per round so the split stays fast on big schemas. */
const EDGES_PER_ROUND_BASE = 150;

interface Split {
  readonly groups: string[][];
  readonly cut: number;
  readonly modularity: number;
}

/**
 * Girvan–Newman: cut the edge most shortest paths cross, again and again; of the groupings met on
 * the way, keep the one with the highest modularity. Explainable: the cut foreign keys are exactly
 * the links between the groups.
 */
function split(graph: FkGraph): Split {
  const work = graph.subgraph(graph.nodes);
  const total = work.edges().length;
  const perRound = Math.max(1, Math.ceil(total / EDGES_PER_ROUND_BASE));
  let best: Split = { groups: [graph.nodes.sort()], cut: 0, modularity: 0 };
  let cut = 0;
  let count = 1;
  while (work.edges().length > 0) {
    const scores = [...work.edgeBetweenness()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [key] of scores.slice(0, perRound)) {
      const [a, b] = key.split('|') as [string, string];
      work.removeEdge(a, b);
      cut++;
    }
    const groups = work.components();
    if (groups.length === count) continue;
    count = groups.length;
    const modularity = graph.modularity(groups);
    if (modularity > best.modularity + 1e-9) best = { groups, cut, modularity };
  }
  return best;
}

function referenceCounts(tables: readonly ImportedTable[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tables) {
    for (const fk of t.foreignKeys) counts.set(fk.referencedTable, (counts.get(fk.referencedTable) ?? 0) + 1);
  }
  return counts;
}

function anchorOf(group: readonly string[], counts: ReadonlyMap<string, number>, graph: FkGraph): string {
  return [...group].sort(
    (a, b) =>
      (counts.get(b) ?? 0) - (counts.get(a) ?? 0) ||
      graph.neighbours(b).size - graph.neighbours(a).size ||
      a.localeCompare(b),
  )[0] as string;
}

/**
 * Proposes domains for a set of tables from their foreign keys. Tables linked by foreign keys
 * (in either direction) form connected groups; a group larger than `maxDomainTables` is split
 * where the fewest, most central links are (Girvan–Newman edge betweenness, keeping the split of
 * highest modularity; a hub such as `users` that every group refers to ends up in the group it is
 * most tied to). Each domain is named after its most referenced table. Foreign keys between
 * domains are listed: they become dependencies between products, for a person to review. Tables
 * without foreign keys are listed apart. Pure and deterministic.
 */
export function proposeDomains(
  tables: readonly ImportedTable[],
  options: ProposeOptions = {},
): DomainProposal {
  const max = options.maxDomainTables ?? 12;
  const names = new Set(tables.map((t) => t.name));
  const graph = new FkGraph([...names].sort());
  const externalReferences: { table: string; referencedTable: string }[] = [];
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      if (names.has(fk.referencedTable)) graph.addEdge(t.name, fk.referencedTable);
      else externalReferences.push({ table: t.name, referencedTable: fk.referencedTable });
    }
  }
  const counts = referenceCounts(tables);
  const unrelated: string[] = [];
  const groups: { tables: string[]; reason: string }[] = [];
  for (const component of graph.components()) {
    if (component.length === 1 && graph.neighbours(component[0] as string).size === 0) {
      unrelated.push(component[0] as string);
      continue;
    }
    const connected = `a group of ${component.length} tables linked by foreign keys`;
    if (component.length <= max) {
      groups.push({ tables: component, reason: connected });
      continue;
    }
    const result = split(graph.subgraph(component));
    if (result.groups.length === 1) {
      groups.push({ tables: component, reason: `${connected}, with no clear split` });
      continue;
    }
    const reason =
      `split from ${connected}: cutting the ${result.cut} foreign key links that most shortest paths between tables cross ` +
      `gives ${result.groups.length} groups with the highest modularity (${result.modularity.toFixed(2)})`;
    for (const g of result.groups) groups.push({ tables: g, reason });
  }
  const used = new Set<string>();
  const domainOf = new Map<string, string>();
  const domains = groups.map((g) => {
    const anchor = anchorOf(g.tables, counts, graph);
    let name = suggestName(anchor, '_') || 'domain';
    for (let i = 2; used.has(name); i++) name = `${suggestName(anchor, '_') || 'domain'}_${i}`;
    used.add(name);
    for (const t of g.tables) domainOf.set(t, name);
    return { name, anchor, tables: g.tables, reason: g.reason };
  });
  const crossReferences: CrossDomainReference[] = [];
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const fk of t.foreignKeys) {
      const from = domainOf.get(t.name);
      const to = domainOf.get(fk.referencedTable);
      if (from === undefined || to === undefined || from === to) continue;
      crossReferences.push({
        fromDomain: from,
        fromTable: t.name,
        columns: fk.columns,
        toDomain: to,
        toTable: fk.referencedTable,
        referencedColumns: fk.referencedColumns,
      });
    }
  }
  return { domains, unrelated: unrelated.sort(), crossReferences, externalReferences };
}
