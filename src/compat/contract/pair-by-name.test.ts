import { describe, expect, it } from 'vitest';
import { pairByName } from './pair-by-name.js';

interface Node {
  readonly name: string;
  readonly from?: string;
}
const naming = { name: (n: Node) => n.name, renamedFrom: (n: Node) => n.from };
const nodes = (...names: string[]): Node[] =>
  names.map((n) => {
    const [name = '', from] = n.split('<');
    return from === undefined ? { name } : { name, from };
  });
const shape = (olds: Node[], news: Node[]) =>
  pairByName(olds, news, naming).map((p) =>
    p.kind === 'added'
      ? `+${p.new.name}`
      : p.kind === 'removed'
        ? `-${p.old.name}`
        : p.kind === 'renamed'
          ? `${p.old.name}>${p.new.name}`
          : `=${p.new.name}`,
  );

describe('pairByName', () => {
  it('follows the new order and puts a removal where it stood, before the addition that took its place', () => {
    expect(shape(nodes('a', 'b', 'c'), nodes('a', 'x', 'c'))).toEqual(['=a', '-b', '+x', '=c']);
  });

  it('lists removals after the last pair when they stood at the end', () => {
    expect(shape(nodes('a', 'b', 'c'), nodes('a'))).toEqual(['=a', '-b', '-c']);
  });

  it('pairs a declared rename only when the old name is gone', () => {
    expect(shape(nodes('a', 'b'), nodes('a', 'c<b'))).toEqual(['=a', 'b>c']);
    expect(shape(nodes('a', 'b'), nodes('b', 'c<b'))).toEqual(['-a', '=b', '+c']);
  });

  it('pairs repeated names in order', () => {
    expect(shape(nodes('a', 'a'), nodes('a'))).toEqual(['=a', '-a']);
  });

  it('keeps moved nodes paired', () => {
    expect(shape(nodes('a', 'b', 'c'), nodes('c', 'a', 'b'))).toEqual(['=c', '=a', '=b']);
  });
});
