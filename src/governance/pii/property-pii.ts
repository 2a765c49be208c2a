import type { JsonPath } from '../../spec/diagnostic.js';
import type { NameMatch } from './detect-by-name.js';
import type { SampleStats, ValueMatch } from './detect-by-values.js';
import type { Confidence, PiiKind } from './pii-kind.js';

/** What was found about one property that looks like personal data. */
export interface PropertyPii {
  /** The property's name, dotted for nested ones (`customer.email`). */
  readonly property: string;
  /** The storage column, dotted the same way; sample keys are looked up by it first. */
  readonly physicalName: string;
  /** JSON path of the property in its document. */
  readonly path: JsonPath;
  /** Every kind found, by name or by values, most confident first. */
  readonly kinds: readonly PiiKind[];
  readonly byName: readonly NameMatch[];
  readonly byValues: readonly ValueMatch[];
  /** The contract itself says so: a `pii` tag or a `pii: true` custom property. */
  readonly declared: boolean;
  /** How much of the sample was read; absent when no sample was given for the property. */
  readonly sample?: SampleStats;
  /** The strongest evidence; `high` also when name and values agree on a kind. */
  readonly confidence: Confidence;
  /** The least classification the kinds call for. */
  readonly suggestedClassification: 'confidential' | 'restricted';
  /** As declared in the contract, when it is. */
  readonly classification?: string;
}
