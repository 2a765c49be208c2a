import { MeshplaneError } from '../../errors/index.js';
import { compact, isObj, obj, str, strings } from '../../spec/model/read-value.js';
import { suggestName } from '../../workspace/names.js';
import type { ImportGap } from '../imported-table.js';
import type { Conversion, OdcsAuthoritativeDefinition, OdcsDocument } from '../odcs-types.js';
import { type DcsContext, physicalTypeKeys } from './dcs-context.js';
import { attachContractQuality } from './dcs-contract-quality.js';
import { dcsDescription, dcsInfoExtras, dcsStatus, dcsSupport } from './dcs-info.js';
import { dcsModel } from './dcs-model.js';
import { dcsServer } from './dcs-servers.js';
import { dcsServiceLevels } from './dcs-service-levels.js';

/** Top-level DCS keys read by the conversion; any other is reported. */
const TOP_LEVEL = new Set([
  'dataContractSpecification',
  'id',
  'info',
  'servers',
  'terms',
  'models',
  'definitions',
  'servicelevels',
  'quality',
  'tags',
  'links',
]);

function links(value: unknown): OdcsAuthoritativeDefinition[] | undefined {
  const out = Object.entries(obj(value)).flatMap(([type, url]) =>
    typeof url === 'string' ? [{ type, url }] : [],
  );
  return out.length > 0 ? out : undefined;
}

function servers(value: unknown, gaps: ImportGap[]) {
  if (value === undefined) return undefined;
  if (!isObj(value)) {
    gaps.push({ where: 'servers', message: 'servers is not a mapping: dropped' });
    return undefined;
  }
  const out = Object.entries(value).map(([name, server]) => dcsServer(name, server, `servers.${name}`, gaps));
  return out.length > 0 ? out : undefined;
}

/** The type of the document's first server: its `config.<type>Type` gives physical types first. */
function firstServerType(value: unknown): string | undefined {
  const first = Object.values(obj(value))[0];
  return str(obj(first).type);
}

function contractId(
  value: Readonly<Record<string, unknown>>,
  title: string | undefined,
  gaps: ImportGap[],
): string {
  const id = str(value.id);
  if (id !== undefined && id.trim() !== '') return id;
  const derived = suggestName(title ?? '', '_') || 'imported_contract';
  gaps.push({ where: 'id', message: `the document has no id: used '${derived}'` });
  return derived;
}

/**
 * A Data Contract Specification document (0.9.x or 1.x, as parsed from YAML) as an ODCS v3.1.0
 * data contract. Models become schema objects, fields properties (types mapped, `$ref`s to
 * `definitions` resolved), quality rules ODCS rules or `custom` ones, servicelevels SLA
 * properties, terms the description. Everything not carried over is an {@link ImportGap}. Pure;
 * throws INVALID_INPUT only when `value` is not a DCS document at all.
 */
export function dcsToOdcs(value: unknown): Conversion {
  if (!isObj(value) || value.dataContractSpecification === undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      'not a Data Contract Specification document: it has no top-level dataContractSpecification',
    );
  }
  const gaps: ImportGap[] = [];
  const info = obj(value.info);
  const title = str(info.title);
  const serverList = servers(value.servers, gaps);
  const context: DcsContext = {
    gaps,
    definitions: obj(value.definitions),
    usedDefinitions: new Set(),
    physicalTypeKeys: physicalTypeKeys(firstServerType(value.servers)),
  };
  const models = Object.entries(obj(value.models)).map(([name, model]) =>
    dcsModel(name, model, `models.${name}`, context),
  );
  const schema = attachContractQuality(value.quality, models, 'quality', gaps);
  const sla = dcsServiceLevels(value.servicelevels, schema, 'servicelevels', gaps);
  for (const name of Object.keys(context.definitions)) {
    if (!context.usedDefinitions.has(name)) {
      gaps.push({ where: `definitions.${name}`, message: 'no field refers to this definition: dropped' });
    }
  }
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL.has(key)) gaps.push({ where: key, message: `'${key}' is not carried over to ODCS` });
  }
  const version = str(info.version);
  if (version === undefined)
    gaps.push({ where: 'info.version', message: "the document has no version: used '1.0.0'" });
  const owner = str(info.owner);
  const tags = strings(value.tags);
  const custom = dcsInfoExtras(info, 'info', gaps);
  const document: OdcsDocument = compact({
    apiVersion: 'v3.1.0' as const,
    kind: 'DataContract' as const,
    id: contractId(value, title, gaps),
    name: title,
    version: version ?? '1.0.0',
    status: dcsStatus(info, 'info', gaps),
    tags: tags.length > 0 ? [...tags] : undefined,
    description: dcsDescription(info, value.terms),
    team: owner === undefined ? undefined : { name: owner },
    support: dcsSupport(info.contact),
    servers: serverList,
    schema,
    slaProperties: sla.length > 0 ? sla : undefined,
    authoritativeDefinitions: links(value.links),
    customProperties: custom.length > 0 ? custom : undefined,
  });
  return { document, gaps };
}
