/**
 * The JSON Schema of `MeshHealthReport`, for the API's response and its OpenAPI document. Every
 * object is closed (`additionalProperties: false`) so a field added to the report without being
 * declared here fails the schema's unit test instead of being dropped from responses unnoticed.
 */
const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const int = { type: 'integer', minimum: 0 } as const;
const bool = { type: 'boolean' } as const;
const strings = { type: 'array', items: str } as const;
const share = { type: 'number', minimum: 0, maximum: 1 } as const;

const closed = <P extends Record<string, unknown>, R extends readonly string[]>(properties: P, required: R) =>
  ({ type: 'object', additionalProperties: false, required, properties }) as const;

const durations = {
  count: int,
  medianSeconds: num,
  p90Seconds: { ...num, description: '90th percentile, linear interpolation between ranks' },
} as const;

const INCIDENTS = closed({ open: int, acknowledged: int }, ['open', 'acknowledged']);

const FIGURES = {
  products: closed({ total: int, deployed: int, notYetDeployed: int }, [
    'total',
    'deployed',
    'notYetDeployed',
  ]),
  timeToCreate: closed({ ...durations, scaffolded: int, firstSeen: int }, [
    'count',
    'scaffolded',
    'firstSeen',
  ]),
  sla: closed(
    {
      productsWithSla: int,
      breachedNow: int,
      adherence: { ...share, description: 'met / (met + breached) over 30 days, pooled over the products' },
      metSeconds: num,
      breachedSeconds: num,
    },
    ['productsWithSla', 'breachedNow', 'metSeconds', 'breachedSeconds'],
  ),
  freshness: closed({ ...durations, ports: int, neverUpdated: int }, ['count', 'ports', 'neverUpdated']),
  consumers: closed({ distinctQueryConsumers: int, medianPerProduct: num, productsWithoutConsumers: int }, [
    'distinctQueryConsumers',
    'productsWithoutConsumers',
  ]),
  reuse: closed({ crossDomainProducts: int, share }, ['crossDomainProducts']),
  incidents: INCIDENTS,
} as const;

const FIGURE_NAMES = Object.keys(FIGURES) as (keyof typeof FIGURES)[];

const MESH = closed(
  {
    ...FIGURES,
    domains: closed(
      { declared: int, onPlatform: int, share, withoutProducts: strings, undeclared: strings },
      ['declared', 'onPlatform', 'withoutProducts', 'undeclared'],
    ),
    edges: {
      type: 'array',
      items: closed({ from: str, to: str, products: int, readers: int }, [
        'from',
        'to',
        'products',
        'readers',
      ]),
    },
    consumersWithoutDomain: int,
  },
  [...FIGURE_NAMES, 'domains', 'edges', 'consumersWithoutDomain'],
);

const DOMAIN = closed({ name: str, declared: bool, ownerTeam: str, onPlatform: bool, ...FIGURES }, [
  'name',
  'declared',
  'onPlatform',
  ...FIGURE_NAMES,
]);

const PRODUCT = closed(
  {
    id: str,
    domain: str,
    deployed: bool,
    scaffoldedAt: str,
    firstSeenAt: str,
    firstDeployedAt: str,
    timeToCreate: closed(
      { seconds: num, source: { type: 'string', enum: ['scaffolded', 'first-seen'] }, from: str, to: str },
      ['seconds', 'source', 'from', 'to'],
    ),
    sla: closed(
      {
        objectives: int,
        state: { type: 'string', enum: ['met', 'breached', 'unknown'] },
        adherence: share,
        metSeconds: num,
        breachedSeconds: num,
      },
      ['objectives', 'state', 'metSeconds', 'breachedSeconds'],
    ),
    freshness: closed(
      {
        ports: {
          type: 'array',
          items: closed({ port: str, lastUpdatedAt: str, ageSeconds: num }, ['port']),
        },
        oldestAgeSeconds: num,
        neverUpdated: int,
      },
      ['ports', 'neverUpdated'],
    ),
    consumers: closed({ active: int, queryConsumers: int, products: int, readByDomains: strings }, [
      'active',
      'queryConsumers',
      'products',
      'readByDomains',
    ]),
    crossDomain: bool,
    incidents: INCIDENTS,
    notes: strings,
  },
  ['id', 'domain', 'deployed', 'freshness', 'consumers', 'crossDomain', 'incidents', 'notes'],
);

/** The response schema of `GET /api/v1/mesh/health`. */
export const MESH_HEALTH_REPORT_SCHEMA = closed(
  {
    generatedAt: str,
    days: { type: 'integer', minimum: 1 },
    mesh: MESH,
    domains: { type: 'array', items: DOMAIN },
    products: { type: 'array', items: PRODUCT },
  },
  ['generatedAt', 'days', 'mesh', 'domains', 'products'],
);
