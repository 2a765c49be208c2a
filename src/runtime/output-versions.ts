/**
 * The versions of a product's output ports: each version's key and lifecycle, retired versions
 * set apart, and versions served as a view over another major (`meshplane.viewOf`). Pure.
 */
import { MeshplaneError } from '../errors/index.js';
import type { DataContract, SchemaObject } from '../spec/model/data-contract.js';
import { customProperty, customText } from './custom-properties.js';
import type { PortLifecycle, RuntimeOutputPort, ViewOfPort } from './runtime-product.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(where: string, message: string): MeshplaneError {
  return new MeshplaneError('INVALID_INPUT', `${where}: ${message}`);
}

/** Status, sunset and successor of a port version, from its contract. */
export function lifecycleOf(contract: DataContract, where: string): PortLifecycle {
  const sunset = customText(contract.customProperties, 'meshplane.sunset');
  if (sunset !== undefined && (!DATE.test(sunset) || Number.isNaN(Date.parse(sunset)))) {
    throw invalid(where, `meshplane.sunset must be a date (YYYY-MM-DD), got '${sunset}'`);
  }
  const replacedBy = customText(contract.customProperties, 'meshplane.replacedBy');
  return {
    status: contract.status.toLowerCase(),
    ...(sunset === undefined ? {} : { sunset }),
    ...(replacedBy === undefined ? {} : { replacedBy }),
  };
}

/** The major a `meshplane.viewOf` names: `2`, `"2"` or `"v2"`; undefined when not declared. */
export function viewOfMajor(contract: DataContract, where: string): number | undefined {
  const value = customProperty(contract.customProperties, 'meshplane.viewOf');
  if (value === undefined) return undefined;
  const match = /^v?(\d+)$/i.exec(String(value).trim());
  if (match === null)
    throw invalid(where, `meshplane.viewOf must name a major version such as v2, got '${String(value)}'`);
  return Number(match[1]);
}

/** The names a property of `schema` was known by before (`meshplane.renamedFrom`, text or list). */
function renamedFrom(schema: SchemaObject): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of schema.properties) {
    const value = customProperty(p.customProperties, 'meshplane.renamedFrom');
    for (const old of Array.isArray(value) ? value : [value]) {
      if (typeof old === 'string' && old.trim() !== '') map.set(old.trim().toLowerCase(), p.physicalName);
    }
  }
  return map;
}

/**
 * How `port` reads from `source`: every column of `port` by the same name in `source`, or by the
 * source property that declares it was renamed from it. INVALID_INPUT names a column with no
 * counterpart, because serving it as NULL would hide data loss from consumers.
 */
export function viewMapping(port: RuntimeOutputPort, source: RuntimeOutputPort, where: string): ViewOfPort {
  const sourceColumns = new Map(source.columns.map((c) => [c.name.toLowerCase(), c.name] as const));
  const renamed = renamedFrom(source.schema);
  const columns = port.columns.map((c) => {
    const from = sourceColumns.get(c.name.toLowerCase()) ?? renamed.get(c.name.toLowerCase());
    if (from === undefined) {
      throw invalid(
        where,
        `cannot be served as a view over ${source.name}: column ${c.name} has no counterpart there (declare meshplane.renamedFrom: ${c.name} on the property that replaces it)`,
      );
    }
    return { name: c.name, from, sqlType: c.sqlType };
  });
  return { source: source.name, columns };
}

/**
 * Splits resolved port versions into served and retired, checks that no two share a key, and
 * binds `meshplane.viewOf` versions to their source.
 */
export function arrangeOutputVersions(
  productId: string,
  versions: readonly RuntimeOutputPort[],
): { outputs: RuntimeOutputPort[]; retired: string[] } {
  const seen = new Map<string, RuntimeOutputPort>();
  for (const port of versions) {
    const earlier = seen.get(port.name.toLowerCase());
    if (earlier !== undefined) {
      throw invalid(
        `${productId}/${port.portName}`,
        `versions ${earlier.version} and ${port.version} are the same major line (${port.name}); give the new one a new major version`,
      );
    }
    seen.set(port.name.toLowerCase(), port);
  }
  const served = versions.filter((p) => p.lifecycle.status !== 'retired');
  const outputs = served.map((port) => {
    const where = `${productId}/${port.name}`;
    const major = viewOfMajor(port.contract, where);
    if (major === undefined) return port;
    if (port.transform !== undefined)
      throw invalid(where, 'declares both meshplane.viewOf and meshplane.transform; keep one');
    const source = served.find((p) => p.portName === port.portName && p.major === major);
    if (source === undefined || source === port) {
      throw invalid(
        where,
        `meshplane.viewOf names v${major}, which is not another served version of ${port.portName}`,
      );
    }
    if (viewOfMajor(source.contract, where) !== undefined) throw invalid(where, `v${major} is itself a view`);
    return { ...port, viewOf: viewMapping(port, source, where) };
  });
  return { outputs, retired: versions.filter((p) => p.lifecycle.status === 'retired').map((p) => p.name) };
}

/** The latest served version of each port name (highest major, then highest version). */
export function latestVersions(outputs: readonly RuntimeOutputPort[]): Map<string, RuntimeOutputPort> {
  const latest = new Map<string, RuntimeOutputPort>();
  for (const port of outputs) {
    const current = latest.get(port.portName);
    if (current === undefined || port.major > current.major) latest.set(port.portName, port);
  }
  return latest;
}
