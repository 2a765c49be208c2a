import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCAFFOLDED_AT, scaffoldTimeOf, stampScaffoldTime } from './scaffold-time.js';

const AT = new Date('2025-03-04T05:06:07.089Z');

const DESCRIPTOR = `# A product.
apiVersion: v1.0.0
kind: DataProduct
id: orders.order_lines
status: active
tags: [orders, batch]
team:
  name: orders-team
`;

describe('stampScaffoldTime', () => {
  it('appends the property to a descriptor without custom properties, leaving its text as it was', () => {
    const stamped = stampScaffoldTime(DESCRIPTOR, AT);
    expect(stamped.startsWith(DESCRIPTOR)).toBe(true);
    expect(parse(stamped).customProperties).toEqual([
      { property: SCAFFOLDED_AT, value: '2025-03-04T05:06:07.089Z' },
    ]);
    expect(parse(stampScaffoldTime(DESCRIPTOR.trimEnd(), AT)).customProperties).toHaveLength(1);
  });

  it('adds to a list of custom properties, and replaces a scaffold time already there', () => {
    const withList = `${DESCRIPTOR}customProperties:\n  - property: owner.note\n    value: keep me\n`;
    const once = stampScaffoldTime(withList, AT);
    expect(parse(once).customProperties).toEqual([
      { property: 'owner.note', value: 'keep me' },
      { property: SCAFFOLDED_AT, value: AT.toISOString() },
    ]);
    const later = new Date('2026-01-01T00:00:00Z');
    expect(parse(stampScaffoldTime(once, later)).customProperties).toEqual([
      { property: 'owner.note', value: 'keep me' },
      { property: SCAFFOLDED_AT, value: later.toISOString() },
    ]);
    expect(parse(stampScaffoldTime(`${DESCRIPTOR}customProperties:\n`, AT)).customProperties).toEqual([
      { property: SCAFFOLDED_AT, value: AT.toISOString() },
    ]);
  });

  it('leaves text that is not a YAML mapping, or whose custom properties are not a list, alone', () => {
    for (const text of ['- a\n- b\n', 'key: [unclosed\n', `${DESCRIPTOR}customProperties: nope\n`]) {
      expect(stampScaffoldTime(text, AT)).toBe(text);
    }
  });
});

describe('scaffoldTimeOf', () => {
  it('reads an instant with a zone as the store keeps instants', () => {
    expect(scaffoldTimeOf([{ property: SCAFFOLDED_AT, value: '2025-03-04T06:06:07+01:00' }])).toEqual({
      kind: 'at',
      at: '2025-03-04T05:06:07.000Z',
    });
    expect(scaffoldTimeOf([{ property: 'other', value: 'x' }])).toEqual({ kind: 'absent' });
  });

  it('calls a date without a zone, a number or nonsense unreadable, naming the property and value', () => {
    for (const value of ['2025-03-04T05:06:07', '2025-03-04', 1741064767, 'soon', null, { at: 1 }]) {
      const read = scaffoldTimeOf([{ property: SCAFFOLDED_AT, value }]);
      expect(read.kind).toBe('unreadable');
      if (read.kind === 'unreadable') {
        expect(read.problem).toContain(SCAFFOLDED_AT);
        expect(read.problem).toContain(JSON.stringify(value));
      }
    }
  });
});
