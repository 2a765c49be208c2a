import type { ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsPlugin from 'ajv-formats';
import type { StandardSchema } from './standard-schemas.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext TypeScript types the default
// import as the module object although at run time (Node and bundlers) it is the plugin itself.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

let ajv: Ajv2019 | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * The one Ajv instance. `verbose` makes each error carry its `parentSchema`, which the friendly
 * messages need (known property names, allowed values); it costs nothing when a document is valid.
 * `logger: false` because this code is pure: it must not write to the console.
 */
function sharedAjv(): Ajv2019 {
  if (ajv === undefined) {
    ajv = new Ajv2019({
      allErrors: true,
      strict: false,
      allowUnionTypes: true,
      verbose: true,
      logger: false,
    });
    addFormats(ajv);
  }
  return ajv;
}

/** The compiled validator of `schema`, compiled on first use and cached for the process. */
export function validatorFor(schema: StandardSchema): ValidateFunction {
  let validate = validators.get(schema.id);
  if (validate === undefined) {
    validate = sharedAjv().compile(schema.schema);
    validators.set(schema.id, validate);
  }
  return validate;
}
