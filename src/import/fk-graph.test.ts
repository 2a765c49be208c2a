import { describe, expect, it } from 'vitest';
import { FkGraph } from './fk-graph.js';

/** Two triangles a-b-c and x-y-z joined by the bridge c-x. */
function bridged(): FkGraph {
  const graph = new FkGraph(['a', 'b', 'c', 'x', 'y', 'z']);
  for (const [p, q] of [
    ['a', 'b'],
    ['b', 'c'],
    ['a', 'c'],
    ['x', 'y'],
    ['y', 'z'],
    ['x', 'z'],
    ['c', 'x'],
  ] as const) {
    graph.addEdge(p, q);
  }
  return graph;
}

describe('FkGraph', () => {
  it('finds connected components, largest first', () => {
    const graph = new FkGraph(['a', 'b', 'c', 'd']);
    graph.addEdge('a', 'b');
    graph.addEdge('b', 'c');
    graph.addEdge('d', 'd');
    expect(graph.components()).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('gives the bridge between two groups the highest edge betweenness', () => {
    const scores = bridged().edgeBetweenness();
    // Every one of the 3 x 3 pairs across the bridge crosses it, in both directions.
    expect(scores.get('c|x')).toBe(18);
    expect(scores.get('a|b')).toBe(2);
    expect(scores.get('a|c')).toBe(8);
    expect(Math.max(...scores.values())).toBe(scores.get('c|x'));
  });

  it('scores the natural split with the higher modularity', () => {
    const graph = bridged();
    const natural = graph.modularity([
      ['a', 'b', 'c'],
      ['x', 'y', 'z'],
    ]);
    expect(graph.modularity([['a', 'b', 'c', 'x', 'y', 'z']])).toBe(0);
    expect(natural).toBeCloseTo(5 / 14, 10);
    expect(
      graph.modularity([
        ['a', 'x'],
        ['b', 'c', 'y', 'z'],
      ]),
    ).toBeLessThan(natural);
  });
});
