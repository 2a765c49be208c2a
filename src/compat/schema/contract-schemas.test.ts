import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contractToJsonSchema } from '../../spec/export/to-json-schema.js';
import { loadDocument } from '../../spec/load/load-document.js';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import {
  type CompatibilityMode,
  checkCompatibility,
  compareSchemas,
  type Schema,
  type SchemaVersion,
} from './index.js';

const FILE = fileURLToPath(
  new URL('../../../examples/shop/domains/orders/orders/orders.odcs.yaml', import.meta.url),
);
const loaded = loadDocument(FILE, readFileSync(FILE));

interface RawProperty {
  name: string;
  physicalName?: string;
  logicalType?: string;
  required?: boolean;
  quality?: { arguments?: { validValues?: unknown[] } }[];
}

/** The orders contract after `edit` of its properties, read open and written closed. */
function version(label: string, edit: (properties: RawProperty[]) => void = () => {}): SchemaVersion {
  const raw = structuredClone(loaded.value) as { version: string; schema: { properties: RawProperty[] }[] };
  const properties = raw.schema[0]?.properties ?? [];
  // The base version makes one column optional, so that there is one to make required.
  const country = properties.find((p) => p.name === 'shipping_country');
  if (country !== undefined) country.required = false;
  edit(properties);
  raw.version = label;
  const contract = normalizeContract(raw);
  return {
    label,
    reader: contractToJsonSchema(contract, { contentModel: 'open' }) as Schema,
    writer: contractToJsonSchema(contract, { contentModel: 'closed' }) as Schema,
  };
}

const property = (properties: RawProperty[], name: string): RawProperty => {
  const found = properties.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no property ${name}`);
  return found;
};
const without = (name: string) => (properties: RawProperty[]) => {
  properties.splice(properties.indexOf(property(properties, name)), 1);
};

const base = version('1.0.0');

function verdicts(candidate: SchemaVersion) {
  const check = (mode: CompatibilityMode) => checkCompatibility(mode, candidate, [base]);
  const breaking = (mode: CompatibilityMode) =>
    check(mode)
      .checks.flatMap((c) => c.differences)
      .filter((d) => !d.compatible)
      .map((d) => `${d.type} ${d.path}`);
  return {
    backward: check('BACKWARD').compatible,
    forward: check('FORWARD').compatible,
    full: check('FULL').compatible,
    backwardBreaks: breaking('BACKWARD'),
    forwardBreaks: breaking('FORWARD'),
  };
}

describe('schemas exported from orders.odcs.yaml (reader open, writer closed)', () => {
  it('loads the example contract', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const writer = base.writer as { properties: Record<string, unknown>; additionalProperties?: boolean };
    expect(Object.keys(writer.properties)).toContain('order_status');
    expect(writer.additionalProperties).toBe(false);
  });

  it('a version reads its own records, and is FULL compatible with itself', () => {
    expect(compareSchemas(base.reader, base.writer).every((d) => d.compatible)).toBe(true);
    expect(verdicts(version('1.0.1')).full).toBe(true);
  });

  it('adding an optional property is FULL compatible', () => {
    const added = version('1.1.0', (ps) => {
      ps.push({ name: 'gift_message', physicalName: 'gift_message', logicalType: 'string', required: false });
    });
    expect(verdicts(added)).toMatchObject({ backward: true, forward: true, full: true });
    const types = checkCompatibility('FULL', added, [base]).checks.map((c) =>
      c.differences.filter((d) => d.path === '#/properties/gift_message').map((d) => d.type),
    );
    expect(types).toEqual([
      ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL'],
      ['PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL'],
    ]);
  });

  it('removing an optional property is FULL compatible', () => {
    expect(verdicts(version('1.1.0', without('shipping_country')))).toMatchObject({ full: true });
  });

  it('removing a required property breaks FORWARD only: old consumers require it', () => {
    expect(verdicts(version('2.0.0', without('sales_channel')))).toEqual({
      backward: true,
      forward: false,
      full: false,
      backwardBreaks: [],
      forwardBreaks: ['REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/sales_channel'],
    });
  });

  it('making a property required breaks BACKWARD only: old records may lack it or hold null', () => {
    const required = version('2.0.0', (ps) => {
      property(ps, 'shipping_country').required = true;
    });
    expect(verdicts(required)).toEqual({
      backward: false,
      forward: true,
      full: false,
      backwardBreaks: [
        expect.stringMatching(/^REQUIRED_ATTRIBUTE_ADDED #\/required\/\d+$/),
        'TYPE_NARROWED #/properties/shipping_country',
      ],
      forwardBreaks: [],
    });
  });

  it('widening integer to number breaks FORWARD only', () => {
    const widened = version('1.1.0', (ps) => {
      property(ps, 'items_count').logicalType = 'number';
    });
    expect(verdicts(widened)).toEqual({
      backward: true,
      forward: false,
      full: false,
      backwardBreaks: [],
      forwardBreaks: ['TYPE_NARROWED #/properties/items_count'],
    });
  });

  it('narrowing an enum breaks BACKWARD only', () => {
    const narrowed = version('2.0.0', (ps) => {
      const rule = property(ps, 'order_status').quality?.find((q) => q.arguments?.validValues !== undefined);
      if (rule?.arguments?.validValues)
        rule.arguments.validValues = rule.arguments.validValues.filter((v) => v !== 'returned');
    });
    expect(
      (narrowed.writer as { properties: { order_status: { enum: unknown[] } } }).properties.order_status.enum,
    ).not.toContain('returned');
    expect(verdicts(narrowed)).toEqual({
      backward: false,
      forward: true,
      full: false,
      backwardBreaks: ['ENUM_ARRAY_NARROWED #/properties/order_status/enum'],
      forwardBreaks: [],
    });
  });
});
