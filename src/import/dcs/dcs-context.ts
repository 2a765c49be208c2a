import type { Obj } from '../../spec/model/read-value.js';
import type { ImportGap } from '../imported-table.js';

/** What converting one DCS document carries from model to model and field to field. */
export interface DcsContext {
  readonly gaps: ImportGap[];
  /** The document's `definitions`, the targets of `$ref: '#/definitions/<name>'`. */
  readonly definitions: Obj;
  /** Definitions some field refers to; the others are reported as not carried over. */
  readonly usedDefinitions: Set<string>;
  /**
   * The `config` keys that may hold a field's physical type, preferred first: the key of the
   * document's first server type (`postgresType` for a postgres server), then any `*Type`.
   */
  readonly physicalTypeKeys: readonly string[];
}

/** Config keys that give a field's physical type in one engine (datacontract-cli's `config`). */
export const PHYSICAL_TYPE_KEYS: readonly string[] = [
  'physicalType',
  'postgresType',
  'mysqlType',
  'sqlserverType',
  'oracleType',
  'snowflakeType',
  'bigqueryType',
  'redshiftType',
  'databricksType',
  'trinoType',
  'clickhouseType',
  'duckdbType',
  'sparkType',
  'avroType',
];

/** The preferred physical type keys for a document whose first server has `serverType`. */
export function physicalTypeKeys(serverType: string | undefined): string[] {
  const preferred = serverType === undefined ? [] : [`${serverType.toLowerCase()}Type`];
  return [...new Set(['physicalType', ...preferred, ...PHYSICAL_TYPE_KEYS])];
}
