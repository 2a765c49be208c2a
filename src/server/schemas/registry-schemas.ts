/**
 * JSON Schemas of the registry's API bodies. They validate requests, shape responses and are
 * the OpenAPI document's components, so the three never disagree.
 */
const str = { type: 'string' } as const;
const strings = { type: 'array', items: str } as const;
const any = {} as const;

export const OUTPUT_PORT = {
  type: 'object',
  required: ['name', 'version'],
  properties: { name: str, version: str, contractId: str },
} as const;

export const PRODUCT_SUMMARY_PROPERTIES = {
  id: str,
  domain: str,
  name: str,
  title: str,
  status: str,
  ownerTeam: str,
  currentVersion: str,
  description: str,
  tags: strings,
  outputPorts: { type: 'array', items: OUTPUT_PORT },
  updatedAt: str,
} as const;

export const PRODUCT_SUMMARY = {
  type: 'object',
  required: ['id', 'domain', 'name', 'status', 'tags', 'outputPorts', 'updatedAt'],
  properties: PRODUCT_SUMMARY_PROPERTIES,
} as const;

export const PRODUCT_DETAIL = {
  type: 'object',
  required: [...PRODUCT_SUMMARY.required, 'versions', 'inputPorts', 'contracts'],
  properties: {
    ...PRODUCT_SUMMARY_PROPERTIES,
    versions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { version: str, digest: str, deployedAt: str, deployId: str },
      },
    },
    inputPorts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: str,
          version: str,
          contractId: str,
          source: {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: ['contract', 'product'] },
              productId: str,
              port: str,
            },
          },
        },
      },
    },
    contracts: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: str, version: str, port: str, apiVersion: str, document: any },
      },
    },
    descriptor: any,
  },
} as const;

export const DOMAIN = {
  type: 'object',
  required: ['name', 'ownerTeam'],
  properties: { name: str, description: str, ownerTeam: str },
} as const;

export const TEAM = {
  type: 'object',
  required: ['name', 'members'],
  properties: {
    name: str,
    description: str,
    members: {
      type: 'array',
      items: { type: 'object', required: ['username'], properties: { username: str, name: str, role: str } },
    },
  },
} as const;

export const RUN = {
  type: 'object',
  properties: {
    id: str,
    productId: str,
    port: str,
    trigger: str,
    mode: str,
    status: str,
    rowsIn: { type: 'integer' },
    rowsOut: { type: 'integer' },
    error: str,
    startedAt: str,
    finishedAt: str,
  },
} as const;

const DEPLOY_SUMMARY_PROPERTIES = {
  id: str,
  productId: str,
  version: str,
  digest: str,
  state: str,
  error: { type: 'object', properties: { message: str, step: str } },
  createdAt: str,
  updatedAt: str,
  finishedAt: str,
} as const;

export const DEPLOY_SUMMARY = { type: 'object', properties: DEPLOY_SUMMARY_PROPERTIES } as const;

export const DEPLOY = {
  type: 'object',
  properties: {
    ...DEPLOY_SUMMARY_PROPERTIES,
    steps: {
      type: 'array',
      items: { type: 'object', properties: { seq: { type: 'integer' }, step: str, detail: any, at: str } },
    },
  },
} as const;

export const PRODUCT_ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/** `:id` and `:port` of the routes under `/products/:id/ports/:port`. */
export const PORT_PARAMS = {
  type: 'object',
  required: ['id', 'port'],
  properties: {
    id: PRODUCT_ID_PARAMS.properties.id,
    port: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const LIMIT_QUERY = {
  type: 'object',
  properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
} as const;
