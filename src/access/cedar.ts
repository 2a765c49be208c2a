/**
 * The one place that imports Cedar. Everything else in access/ is plain TypeScript over the
 * functions re-exported here, so a browser build can point this file at
 * `@cedar-policy/cedar-wasm/web` without touching the rest.
 */
export {
  checkParsePolicySet,
  checkParseSchema,
  type DetailedError,
  type EntityJson,
  isAuthorized,
  policyToJson,
  preparsePolicySet,
  preparseSchema,
  statefulIsAuthorized,
  validate,
} from '@cedar-policy/cedar-wasm/nodejs';
