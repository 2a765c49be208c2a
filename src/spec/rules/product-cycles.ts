import type { Diagnostic } from '../diagnostic.js';
import { report } from './report.js';
import type { ProductEntry, RuleContext } from './rule.js';

interface Edge {
  readonly to: ProductEntry;
  readonly portIndex: number;
}

/** Finds dependency cycles between products (through input ports that read output ports). */
export function* productCycles(context: RuleContext): Iterable<Diagnostic> {
  const edges = new Map<ProductEntry, Edge[]>();
  for (const product of context.products) {
    const out: Edge[] = [];
    product.model.inputPorts.forEach((port, portIndex) => {
      const publisher = context.outputPortsByContractId.get(port.contractId);
      if (publisher !== undefined && publisher.product !== product)
        out.push({ to: publisher.product, portIndex });
    });
    edges.set(product, out);
  }

  const state = new Map<ProductEntry, 'active' | 'done'>();
  const stack: { product: ProductEntry; edge: Edge | undefined }[] = [];
  const reported = new Set<string>();
  const found: Diagnostic[] = [];

  // Iterative DFS: the graph is user input and may be deep.
  for (const start of context.products) {
    if (state.has(start)) continue;
    const work: { product: ProductEntry; next: number; via: Edge | undefined }[] = [
      { product: start, next: 0, via: undefined },
    ];
    state.set(start, 'active');
    stack.push({ product: start, edge: undefined });
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      const out = edges.get(frame.product) ?? [];
      const edge = out[frame.next++];
      if (edge === undefined) {
        state.set(frame.product, 'done');
        work.pop();
        stack.pop();
        continue;
      }
      const seen = state.get(edge.to);
      if (seen === 'active') {
        const from = stack.findIndex((s) => s.product === edge.to);
        const members = [...stack.slice(from).map((s) => s.product), edge.to];
        const key = members
          .slice(0, -1)
          .map((m) => m.model.id)
          .sort()
          .join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          const cycle = members.map((m) => m.model.id).join(' -> ');
          found.push(
            report(
              'product-cycle',
              frame.product.doc,
              ['inputPorts', edge.portIndex, 'contractId'],
              `products depend on each other in a cycle: ${cycle}`,
              { hint: 'a product cannot read, directly or indirectly, its own output; break the cycle' },
            ),
          );
        }
      } else if (seen === undefined) {
        state.set(edge.to, 'active');
        stack.push({ product: edge.to, edge });
        work.push({ product: edge.to, next: 0, via: edge });
      }
    }
  }
  yield* found;
}
