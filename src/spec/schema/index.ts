export { validatorFor } from './compiled-schemas.js';
export {
  newerSchemas,
  ODCS_V302_STRICT,
  type SchemaKind,
  STANDARD_SCHEMAS,
  type StandardSchema,
  schemaFor,
  supportedApiVersions,
} from './standard-schemas.js';
export { type SchemaValidationOptions, validateSchema } from './validate-schema.js';
