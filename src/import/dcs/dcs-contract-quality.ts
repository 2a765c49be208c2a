import { isObj, str } from '../../spec/model/read-value.js';
import type { ImportGap } from '../imported-table.js';
import type { OdcsQualityRule, OdcsSchemaObject } from '../odcs-types.js';
import { customRule, qualityEngine } from './dcs-quality.js';

function externalRef(specification: unknown): string | undefined {
  return isObj(specification) ? str(specification.$ref) : undefined;
}

/**
 * DCS 0.9's contract-level `quality` (`type: SodaCL | great-expectations | montecarlo | ...` with a
 * `specification`) as ODCS `custom` rules. ODCS keeps quality on schema objects, so a
 * specification keyed by model name goes to each model, and any other goes to the first model
 * (reported when there are several). Returns the schema objects with the rules added.
 */
export function attachContractQuality(
  value: unknown,
  schema: readonly OdcsSchemaObject[],
  where: string,
  gaps: ImportGap[],
): OdcsSchemaObject[] {
  if (value === undefined) return [...schema];
  const quality = isObj(value) ? value : {};
  const type = str(quality.type) ?? 'custom';
  const engine = qualityEngine(type) ?? type.toLowerCase();
  const specification = quality.specification;
  const first = schema[0];
  if (first === undefined) {
    gaps.push({
      where,
      message: 'contract-level quality dropped: the contract has no model to attach it to',
    });
    return [];
  }
  const ref = externalRef(specification);
  if (ref !== undefined) {
    gaps.push({
      where,
      message: `the ${type} checks live in '${ref}', which is not read: kept as a reference`,
    });
  }
  const byModel = new Map<string, OdcsQualityRule>();
  if (
    isObj(specification) &&
    ref === undefined &&
    Object.keys(specification).every((k) => schema.some((o) => o.name === k))
  ) {
    for (const [model, checks] of Object.entries(specification))
      byModel.set(model, customRule(engine, checks));
  } else {
    if (schema.length > 1) {
      gaps.push({
        where,
        message: `the ${type} checks cover the whole contract; attached to the first model, '${first.name}'`,
      });
    }
    byModel.set(first.name, customRule(engine, specification ?? null));
  }
  return schema.map((object) => {
    const rule = byModel.get(object.name);
    return rule === undefined ? object : { ...object, quality: [...(object.quality ?? []), rule] };
  });
}
