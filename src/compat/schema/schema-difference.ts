/** Any JSON Schema document, draft 4 to 2020-12, or a boolean schema. */
export type Schema = boolean | Readonly<Record<string, unknown>>;

/** One difference found between a reader and a writer schema. */
export interface SchemaDifference {
  /** Stable SCREAMING_SNAKE id (Confluent's names where they exist); listed in CONTEXT.md. */
  readonly type: string;
  /** JSON pointer of where the difference is, e.g. `#/properties/amount/maxLength`; `#` is the root. */
  readonly path: string;
  /** Whether the reader still reads what the writer wrote, under the rule set used. */
  readonly compatible: boolean;
  /** One plain sentence. */
  readonly message: string;
}
