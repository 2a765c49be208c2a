import { listNames } from './describe-value.js';
import { type Finding, fieldName } from './finding.js';
import { isRecord } from './is-record.js';
import { conditionProperties, knownProperties } from './known-properties.js';
import { type SchemaError, unknownPropertyOf } from './schema-error.js';
import { suggestName } from './suggest-name.js';

/** Up to this many known names are listed when no single one is close. */
const LIST_KNOWN_UP_TO = 10;

/**
 * "Unknown field `logicalTyp` in `schema[0].properties[0]`", located at the key, with a hint: the
 * closest known name, else the standard's extension point (`customProperties`), else the known
 * names when they are few. A name the schema knows but does not allow with the values of the
 * fields its `if` conditions test (a server's `type`) gets "is not allowed ... with `type: s3`".
 */
export function unknownPropertyFinding(error: SchemaError, root: object): Finding {
  const name = unknownPropertyOf(error) ?? '';
  const known = knownProperties(error.parentSchema, root);
  const where = error.path.length === 0 ? 'at the top level of the document' : `in ${fieldName(error.path)}`;
  const path = [...error.path, name];
  if (known.includes(name)) {
    const because = dependsOn(conditionProperties(error.parentSchema, root), error.data);
    return {
      code: 'schema-unknown-property',
      path,
      target: 'key',
      message: `Field \`${name}\` is not allowed ${where} ${because}.`,
    };
  }
  return {
    code: 'schema-unknown-property',
    path,
    target: 'key',
    message: `Unknown field \`${name}\` ${where}.`,
    hint: unknownPropertyHint(name, known),
  };
}

/** "with `type: s3`", or "with its current `type` and `metric`" when they are several or absent. */
function dependsOn(conditions: readonly string[], data: unknown): string {
  const [only] = conditions;
  const value = isRecord(data) && only !== undefined ? data[only] : undefined;
  if (conditions.length === 1 && (typeof value === 'string' || typeof value === 'number')) {
    return `with \`${only}: ${value}\``;
  }
  if (conditions.length === 0) return 'with the values of its other fields';
  const names = conditions.map((c) => `\`${c}\``);
  return `with its current ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`}`;
}

function unknownPropertyHint(name: string, known: readonly string[]): string | undefined {
  const meant = suggestName(name, known);
  if (meant !== undefined) return `did you mean \`${meant}\`?`;
  if (known.includes('customProperties')) {
    return 'the standard does not define this field; put extra information under `customProperties`';
  }
  if (known.length > 0 && known.length <= LIST_KNOWN_UP_TO) return `known fields here: ${listNames(known)}`;
  return undefined;
}
