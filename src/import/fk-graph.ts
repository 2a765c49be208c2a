/**
 * The undirected graph of tables linked by foreign keys, with the graph measures the domain
 * proposal uses: connected components, edge betweenness (Brandes) and modularity. Pure.
 */

/** Nodes are table names; an edge joins two tables when either references the other. */
export class FkGraph {
  private readonly adjacency = new Map<string, Set<string>>();

  constructor(nodes: Iterable<string>) {
    for (const node of nodes) this.adjacency.set(node, new Set());
  }

  get nodes(): string[] {
    return [...this.adjacency.keys()];
  }

  neighbours(node: string): ReadonlySet<string> {
    return this.adjacency.get(node) ?? new Set();
  }

  addEdge(a: string, b: string): void {
    if (a === b || !this.adjacency.has(a) || !this.adjacency.has(b)) return;
    this.adjacency.get(a)?.add(b);
    this.adjacency.get(b)?.add(a);
  }

  removeEdge(a: string, b: string): void {
    this.adjacency.get(a)?.delete(b);
    this.adjacency.get(b)?.delete(a);
  }

  /** Each edge once, as `[a, b]` with a < b, in a stable order. */
  edges(): [string, string][] {
    const out: [string, string][] = [];
    for (const [a, set] of this.adjacency) for (const b of set) if (a < b) out.push([a, b]);
    return out.sort((x, y) => edgeKey(x).localeCompare(edgeKey(y)));
  }

  /** The subgraph on `nodes`, with the edges among them. */
  subgraph(nodes: Iterable<string>): FkGraph {
    const keep = new Set(nodes);
    const sub = new FkGraph(keep);
    for (const a of keep) for (const b of this.neighbours(a)) if (keep.has(b)) sub.addEdge(a, b);
    return sub;
  }

  /** Connected components, each sorted by name, the list sorted by size (largest first), then name. */
  components(): string[][] {
    const seen = new Set<string>();
    const out: string[][] = [];
    for (const start of [...this.adjacency.keys()].sort()) {
      if (seen.has(start)) continue;
      const component: string[] = [];
      const queue = [start];
      seen.add(start);
      while (queue.length > 0) {
        const node = queue.shift() as string;
        component.push(node);
        for (const next of this.neighbours(node)) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      out.push(component.sort());
    }
    return out.sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
  }

  /**
   * How many shortest paths between pairs of tables cross each edge (Brandes' algorithm, one
   * breadth-first search per table). Edges between natural groups carry many paths; edges inside
   * a group few.
   */
  edgeBetweenness(): Map<string, number> {
    const scores = new Map<string, number>(this.edges().map((e) => [edgeKey(e), 0]));
    for (const source of this.adjacency.keys()) {
      const order: string[] = [];
      const paths = new Map<string, number>([[source, 1]]);
      const distance = new Map<string, number>([[source, 0]]);
      const predecessors = new Map<string, string[]>();
      const queue = [source];
      while (queue.length > 0) {
        const v = queue.shift() as string;
        order.push(v);
        for (const w of this.neighbours(v)) {
          if (!distance.has(w)) {
            distance.set(w, (distance.get(v) ?? 0) + 1);
            queue.push(w);
          }
          if (distance.get(w) === (distance.get(v) ?? 0) + 1) {
            paths.set(w, (paths.get(w) ?? 0) + (paths.get(v) ?? 0));
            predecessors.set(w, [...(predecessors.get(w) ?? []), v]);
          }
        }
      }
      const dependency = new Map<string, number>();
      for (const w of order.reverse()) {
        for (const v of predecessors.get(w) ?? []) {
          const share = ((paths.get(v) ?? 0) / (paths.get(w) ?? 1)) * (1 + (dependency.get(w) ?? 0));
          const key = edgeKey([v, w]);
          scores.set(key, (scores.get(key) ?? 0) + share);
          dependency.set(v, (dependency.get(v) ?? 0) + share);
        }
      }
    }
    return scores;
  }

  /**
   * Newman's modularity of a grouping of this graph's nodes: the share of edges inside groups
   * minus the share expected if edges were placed at random with the same degrees. 0 for one
   * group; higher means tighter groups with fewer links between them.
   */
  modularity(groups: readonly (readonly string[])[]): number {
    const m = this.edges().length;
    if (m === 0) return 0;
    let q = 0;
    for (const group of groups) {
      const members = new Set(group);
      let inside = 0;
      let degrees = 0;
      for (const node of group) {
        for (const next of this.neighbours(node)) if (members.has(next)) inside++;
        degrees += this.neighbours(node).size;
      }
      q += inside / 2 / m - (degrees / (2 * m)) ** 2;
    }
    return q;
  }
}

/** `a|b` with the names in order: the key of an undirected edge. */
export function edgeKey([a, b]: readonly [string, string]): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
